import { useTranslation } from 'react-i18next';
import { undoKeys } from './SaveStatus';

const shortcuts: readonly (readonly [string[], string])[] = [
  [['3', '2', '1', '0'], 'rate'],
  [['N'], 'na'],
  [['J', '↓'], 'next'],
  [['K', '↑'], 'previous'],
  [['Enter'], 'note'],
  [['Esc'], 'back'],
  [[']', '['], 'section'],
  [['/'], 'search'],
  [['?'], 'help'],
  [[undoKeys.undo], 'undo'],
  [undoKeys.redoAlt === null ? [undoKeys.redo] : [undoKeys.redo, undoKeys.redoAlt], 'redo'],
];

/** The keyboard shortcuts, on screen; they never fire while typing in a text field. */
export function ShortcutHelp({ open, onClose, maturity }: { open: boolean; onClose: () => void; maturity: boolean }) {
  const { t } = useTranslation();
  if (!open) return null;
  return (
    <aside className="shortcut-help" aria-labelledby="shortcut-help-heading">
      <div className="page-header">
        <h2 id="shortcut-help-heading">{t('assessments.keys.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('assessments.keys.close')}
        </button>
      </div>
      <dl>
        {shortcuts.map(([keys, action]) => (
          <div key={action}>
            <dt>
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 ? ' ' : null}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(`assessments.keys.${action}`)}</dd>
          </div>
        ))}
        {maturity ? (
          <div>
            <dt>
              <kbd>0</kbd>–<kbd>4</kbd>
            </dt>
            <dd>{t('assessments.keys.maturity')}</dd>
          </div>
        ) : null}
      </dl>
      <p className="field__hint">{t('assessments.keys.typing')}</p>
    </aside>
  );
}
