import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { formatNumber } from '../format';
import { translateServiceMessage } from '../i18n';

/** Any react-hook-form error shape; only its message is shown. */
type FieldProblem = { message?: string | undefined } | undefined;

interface FieldProps {
  id: string;
  label: string;
  error?: FieldProblem;
  hint?: string | undefined;
  required?: boolean;
  /** A quiet note at the end of the message line, e.g. the "n / limit" counter. */
  aside?: string | undefined;
  /** Show the note even when the field is not in use (otherwise only while it has focus). */
  asideShown?: boolean;
  children: (aria: { id: string; 'aria-invalid': boolean; 'aria-required': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}

/**
 * Label, control, hint and the field's own error message, wired together for screen readers.
 * The line under the control is always there, empty or not, so a message appearing never pushes the
 * fields below it down while the user is typing.
 */
export function Field({ id, label, error, hint, required, aside, asideShown = false, children }: FieldProps) {
  const { t } = useTranslation();
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null, aside ? `${id}-aside` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {/* Hidden from the accessible name: screen readers hear "required" from aria-required instead. */}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {' '}
            ({t('common.required')})
          </span>
        ) : null}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-required': Boolean(required), 'aria-describedby': describedBy })}
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="field__foot">
        {error?.message ? (
          <p className="field__error" id={`${id}-error`}>
            {translateServiceMessage(error.message)}
          </p>
        ) : null}
        {aside ? (
          <p className={asideShown ? 'field__aside field__aside--shown' : 'field__aside'} id={`${id}-aside`}>
            {aside}
          </p>
        ) : null}
      </div>
    </div>
  );
}

interface InputProps {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  error?: FieldProblem;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'email' | 'tel';
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel';
  autoComplete?: string;
  placeholder?: string;
  /** The longest text the services accept (forms/text-limits.ts): typing stops there, with a counter. */
  maxLength?: number | undefined;
}

/** From this share of the limit on, the counter shows even when the field is not in use. */
const NEAR_LIMIT = 0.8;

export function TextField({ registration, type = 'text', inputMode, autoComplete = 'off', placeholder, maxLength, ...field }: InputProps) {
  const { t } = useTranslation();
  const [length, setLength] = useState(0);
  // The counter is always in the page (and in the field's description); CSS shows it while the field
  // has focus or once the text is near the limit. Showing and hiding it by focus in CSS rather than in
  // React means leaving the field changes nothing in the page, so a click on the next control lands.
  const counter = maxLength === undefined ? undefined : t('form.length', { n: formatNumber(length), max: formatNumber(maxLength) });
  const near = maxLength !== undefined && length >= maxLength * NEAR_LIMIT;
  return (
    <Field {...field} aside={counter} asideShown={near}>
      {(aria) => (
        <input
          {...aria}
          {...registration}
          onChange={(event) => {
            setLength(event.target.value.length);
            return registration.onChange(event);
          }}
          onFocus={(event) => setLength(event.target.value.length)}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          placeholder={placeholder}
          maxLength={maxLength}
        />
      )}
    </Field>
  );
}

interface SelectProps {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  error?: FieldProblem;
  required?: boolean;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
}

export function SelectField({ registration, options, placeholder, ...field }: SelectProps) {
  return (
    <Field {...field}>
      {(aria) => (
        <select {...aria} {...registration}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface CheckboxGroupProps {
  id: string;
  legend: string;
  registration: UseFormRegisterReturn;
  options: readonly { value: string; label: string }[];
  error?: FieldProblem;
}

/** A set of checkboxes that react-hook-form collects into an array of values. */
export function CheckboxGroup({ id, legend, registration, options, error }: CheckboxGroupProps) {
  return (
    <fieldset className="checkbox-group" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" value={o.value} {...registration} />
          {o.label}
        </label>
      ))}
      {error?.message ? (
        <p className="field__error" id={`${id}-error`}>
          {translateServiceMessage(error.message)}
        </p>
      ) : null}
    </fieldset>
  );
}
