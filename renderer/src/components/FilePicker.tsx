import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './file-chooser.css';

interface FilePickerProps {
  id: string;
  label: string;
  accept: string;
  /** The button's text; "Choose a file…" in the user's language by default. */
  chooseText?: string;
  /** Ids of hints and errors that describe the field. */
  describedBy?: string | undefined;
  required?: boolean;
  invalid?: boolean;
  disabled?: boolean;
  onFile: (file: File | undefined) => void;
}

/**
 * A file chooser drawn as the app's own button and "no file chosen" line, in the user's language: the
 * browser's native picker speaks the browser's language ("Choose File"), not the app's. The real input
 * stays in the tab order and is what assistive technology and tests use; the label beside it is drawn
 * as the button and shows its focus.
 */
export const FilePicker = forwardRef<HTMLInputElement, FilePickerProps>(function FilePicker(
  { id, label, accept, chooseText, describedBy, required, invalid, disabled, onFile },
  ref,
) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState('');
  return (
    <div className="file-chooser">
      <span className="field-label" id={`${id}-label`}>
        {label}
        {required ? (
          <span className="field__required" aria-hidden="true">
            {' '}
            ({t('common.required')})
          </span>
        ) : null}
      </span>
      <div className="file-chooser__row">
        <input
          ref={ref}
          id={id}
          type="file"
          className="file-chooser__input"
          accept={accept}
          aria-labelledby={`${id}-label`}
          aria-describedby={[`${id}-chosen`, describedBy].filter(Boolean).join(' ')}
          aria-required={required || undefined}
          aria-invalid={invalid || undefined}
          disabled={disabled}
          onChange={(e) => {
            const file = e.target.files?.[0];
            setChosen(file?.name ?? '');
            onFile(file);
          }}
        />
        <label htmlFor={id} className={`button${disabled ? ' button--disabled' : ''}`} aria-hidden="true">
          {chooseText ?? t('common.chooseFile')}
        </label>
        <span id={`${id}-chosen`} className="secondary file-chooser__chosen">
          {chosen || t('common.noFileChosen')}
        </span>
      </div>
    </div>
  );
});
