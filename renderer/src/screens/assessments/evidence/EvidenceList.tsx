import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sameUnit } from '../../../../../shared/evidence/coverage';
import type { EvidenceItem, EvidenceLink } from '../../../../../shared/evidence/schema';
import type { EvidenceType } from '../../../../../shared/framework/schema';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { invoke } from '../../../api/client';
import { useAction } from '../../../data/use-action';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { formatDateTime } from '../../../format';
import { EvidenceEditDialog } from './EvidenceEditDialog';
import { reloadEvidence } from './evidence-store';
import { EvidenceThumb } from './EvidenceThumb';
import { errorLines, sizeText } from './messages';

interface EvidenceListProps {
  assessmentId: string;
  items: readonly EvidenceItem[];
  /** The criterion unit this list belongs to (removal takes the item off it); null: the whole assessment. */
  unit: EvidenceLink | null;
  readOnly: boolean;
  typeLabel: (code: string) => string;
  /** Names of criteria, e.g. "IF-04" or "CU-01 (Welding)". */
  unitLabel: (link: EvidenceLink) => string;
  onOpen: (item: EvidenceItem) => void;
  /** Units an item may also be attached to (the assessment's evidence screen offers this). */
  linkChoices?: readonly { link: EvidenceLink; label: string }[];
  /** The pinned framework's evidence types: with them, each item offers Edit (caption and type) unless read-only. */
  evidenceTypes?: readonly EvidenceType[];
}

/** Attached items as cards: preview (opens the viewer), name, type, caption, dates, and removal. */
export function EvidenceList(props: EvidenceListProps) {
  const { assessmentId, items, unit, readOnly, typeLabel, unitLabel, onOpen, linkChoices, evidenceTypes } = props;
  const { t } = useTranslation();
  const [pending, setPending] = useState<EvidenceItem | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  // Followed through reloads, so the dialog shows the stored item after a conflict.
  const editing = editingId === null ? undefined : items.find((i) => i.id === editingId);
  // Refusals of removing and of linking, shown in one place under the list.
  const { error, setError, run } = useAction();
  const [announcement, setAnnouncement] = useState('');

  const remove = async (item: EvidenceItem) => {
    setPending(null);
    const r = await run(() => invoke('evidence:remove', { itemId: item.id, revision: item.revision, from: unit }));
    if (r.ok) setAnnouncement(t('evidence.item.removed', { name: item.originalName }));
    await reloadEvidence(assessmentId);
  };

  const confirmText = (item: EvidenceItem) => {
    if (unit === null) return t('evidence.item.confirmRemoveAll', { name: item.originalName });
    if (item.links.length > 1) return t('evidence.item.confirmRemoveFrom', { name: item.originalName, criterion: unitLabel(unit) });
    return t('evidence.item.confirmRemoveLast', { name: item.originalName });
  };

  return (
    <>
      {items.length > 0 ? (
        <ul className="evidence-list">
          {items.map((item) => {
            const others = unit === null ? item.links : item.links.filter((l) => !sameUnit(l, unit));
            return (
              <li key={item.id} className="evidence-item">
                <button
                  type="button"
                  className="evidence-item__open"
                  aria-label={t('evidence.item.open', { name: item.originalName })}
                  onClick={() => onOpen(item)}
                >
                  <EvidenceThumb item={item} />
                </button>
                <div className="evidence-item__text">
                  <span className="evidence-item__name">
                    <abbr className="tag" title={typeLabel(item.evidenceType)}>
                      {item.evidenceType}
                    </abbr>{' '}
                    {item.originalName}
                  </span>
                  {item.caption ? <span className="evidence-item__caption">{item.caption}</span> : null}
                  <span className="secondary">
                    {sizeText(t, item.size)} ·{' '}
                    {item.takenAt
                      ? t('evidence.item.taken', { date: formatDateTime(item.takenAt) })
                      : t('evidence.item.attachedBy', { date: formatDateTime(item.attachedAt), name: item.attachedBy })}
                  </span>
                  {others.length > 0 ? (
                    <span className="secondary">
                      {t(unit === null ? 'evidence.item.supports' : 'evidence.item.alsoSupports', {
                        criteria: others.map(unitLabel).join(', '),
                      })}
                    </span>
                  ) : null}
                </div>
                {readOnly || linkChoices === undefined ? null : (
                  <AddLink
                    item={item}
                    choices={linkChoices.filter((c) => !item.links.some((l) => sameUnit(l, c.link)))}
                    onError={setError}
                  />
                )}
                {readOnly || evidenceTypes === undefined ? null : (
                  <button type="button" className="link-button evidence-item__edit" onClick={() => setEditingId(item.id)}>
                    {t('evidence.edit.button')}
                    <span className="visually-hidden"> {item.originalName}</span>
                  </button>
                )}
                {readOnly ? null : (
                  <button type="button" className="link-button evidence-item__remove" onClick={() => setPending(item)}>
                    {unit === null ? t('evidence.item.removeAll') : t('evidence.item.remove')}
                    <span className="visually-hidden"> {item.originalName}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {pending !== null ? (
        <ConfirmDialog
          open
          message={confirmText(pending)}
          confirmLabel={unit === null ? t('evidence.item.removeAll') : t('evidence.item.remove')}
          onConfirm={() => void remove(pending)}
          onCancel={() => setPending(null)}
        />
      ) : null}
      {editing !== undefined && evidenceTypes !== undefined ? (
        <EvidenceEditDialog
          item={editing}
          evidenceTypes={evidenceTypes}
          onSaved={(saved) => {
            setEditingId(null);
            setAnnouncement(t('evidence.edit.saved', { name: saved.originalName }));
          }}
          onClose={() => setEditingId(null)}
        />
      ) : null}
      {error !== null ? (
        <div className="banner banner--error" role="alert">
          {errorLines(t, error).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </>
  );
}

/** Attaches an item to one more criterion; its file is not stored again. */
function AddLink({
  item,
  choices,
  onError,
}: {
  item: EvidenceItem;
  choices: readonly { link: EvidenceLink; label: string }[];
  onError: (error: AppErrorData | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState('');
  if (choices.length === 0) return null;
  const add = async () => {
    const choice = choices[Number(chosen)];
    if (choice === undefined) return;
    onError(null);
    const r = await invoke('evidence:link', { itemId: item.id, revision: item.revision, links: [choice.link] });
    if (!r.ok) onError(r.error);
    setChosen('');
    await reloadEvidence(item.assessmentId);
  };
  return (
    <span className="evidence-item__link">
      <label htmlFor={id} className="visually-hidden">
        {t('evidence.item.addCriterion')}: {item.originalName}
      </label>
      <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{t('evidence.item.chooseCriterion')}</option>
        {choices.map((c, i) => (
          <option key={`${c.link.criterionId}@${c.link.programmeId ?? ''}`} value={String(i)}>
            {c.label}
          </option>
        ))}
      </select>
      <button type="button" disabled={chosen === ''} onClick={() => void add()}>
        {t('evidence.item.addCriterionButton')}
      </button>
    </span>
  );
}
