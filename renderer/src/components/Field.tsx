import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseFormRegisterReturn } from 'react-hook-form';

/** Any react-hook-form error shape; only its message is shown. */
type FieldProblem = { message?: string | undefined } | undefined;
import { translateServiceMessage } from '../i18n';

interface FieldProps {
  id: string;
  label: string;
  error?: FieldProblem;
  hint?: string | undefined;
  required?: boolean;
  children: (aria: { id: string; 'aria-invalid': boolean; 'aria-required': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}

/** Label, control, hint and the field's own error message, wired together for screen readers. */
export function Field({ id, label, error, hint, required, children }: FieldProps) {
  const { t } = useTranslation();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
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
      {error?.message ? (
        <p className="field__error" id={`${id}-error`}>
          {translateServiceMessage(error.message)}
        </p>
      ) : null}
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
}

export function TextField({ registration, type = 'text', inputMode, autoComplete = 'off', placeholder, ...field }: InputProps) {
  return (
    <Field {...field}>
      {(aria) => (
        <input {...aria} {...registration} type={type} inputMode={inputMode} autoComplete={autoComplete} placeholder={placeholder} />
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
