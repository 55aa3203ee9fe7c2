import type { EvidenceType } from '../../../../../shared/framework/schema';
import { currentLanguage } from '../../../i18n';
import { localized } from '../model/text';

/** The framework's evidence types as "DOC — Document review", for attaching and for editing an item. */
export function EvidenceTypeSelect(props: {
  id: string;
  label: string;
  value: string;
  evidenceTypes: readonly EvidenceType[];
  onChange: (code: string) => void;
  disabled?: boolean;
}) {
  const language = currentLanguage();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)}>
        {props.evidenceTypes.map((e) => (
          <option key={e.code} value={e.code}>
            {e.code} — {localized(e.label, language)}
          </option>
        ))}
      </select>
    </div>
  );
}
