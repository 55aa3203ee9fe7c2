import { useCallback, useContext, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../../shared/settings/schema';
import type { RatingAnswer } from '../../../../../shared/scoring';
import { translateServiceMessage } from '../../../i18n';
import type { SaveQueue } from '../model/save-queue';
import { programmeTitle } from '../model/text';
import type { WorkspaceModel } from '../model/units';
import { patchValue } from '../model/undo-history';
import type { UndoEvent } from '../model/undo-history';
import { UndoContext } from '../model/undo-context';
import { afterPaint } from '../model/after-paint';
import './undo-status.css';

/** The autosave indicator. It tells the truth: "saved" only once the services have confirmed every change. */
export function SaveStatus({ queue }: { queue: SaveQueue }) {
  const { t } = useTranslation();
  const state = useSyncExternalStore(queue.subscribe, queue.getState);
  let text: string;
  switch (state.kind) {
    case 'saved':
      text = t('assessments.save.saved');
      break;
    case 'saving':
      text = t('assessments.save.saving');
      break;
    case 'retrying':
      text = t('assessments.save.retrying');
      break;
    case 'refused': {
      const issue = state.error.issues?.[0]?.message;
      text = t('assessments.save.refused', { reason: issue ? translateServiceMessage(issue) : t(`errors.${state.error.code}`) });
      break;
    }
    case 'locked':
      text = t('assessments.save.locked');
      break;
  }
  const problem = state.kind === 'retrying' || state.kind === 'refused' || state.kind === 'locked';
  return (
    <div className="save-line">
      <p
        className={`save-status save-status--${state.kind}`}
        role="status"
        aria-live={problem ? 'assertive' : 'polite'}
        data-testid="save-status"
      >
        <span className="save-status__dot" aria-hidden="true" />
        {text}
      </p>
      {state.kind === 'locked' ? null : <UndoStatus />}
    </div>
  );
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** The keys as the shortcut help and `aria-keyshortcuts` name them. */
export const undoKeys = { undo: isMac ? '⌘Z' : 'Ctrl+Z', redo: isMac ? '⇧⌘Z' : 'Ctrl+Shift+Z', redoAlt: isMac ? null : 'Ctrl+Y' };

/**
 * The last change, undone or redone, with Undo and Redo buttons for mouse users ("GQ-03 rated Met ·
 * Undo"). It is not a live region: a keyboard user rating fast hears the radios, not this line; undo
 * and redo are announced by the workspace. It follows the history once the change itself is painted,
 * so a rating click does not wait for it.
 */
function UndoStatus() {
  const { t } = useTranslation();
  const controls = useContext(UndoContext);
  const history = controls?.history;
  const subscribe = useCallback((listener: () => void) => history?.subscribe(() => afterPaint(listener)) ?? (() => undefined), [history]);
  const snapshot = useSyncExternalStore(subscribe, () => history?.getSnapshot() ?? null);
  if (controls === null || !controls.enabled || snapshot === null || snapshot.last === null) return null;
  return (
    <p className="undo-status" data-testid="undo-status">
      <span className="undo-status__text">{controls.describe(snapshot.last)}</span>
      <button
        type="button"
        className="link-button"
        disabled={!snapshot.canUndo}
        aria-keyshortcuts={isMac ? 'Meta+Z' : 'Control+Z'}
        title={undoKeys.undo}
        onClick={() => controls.run('undo')}
      >
        {t('assessments.undo.undo')}
      </button>
      {snapshot.canRedo ? (
        <button
          type="button"
          className="link-button"
          aria-keyshortcuts={isMac ? 'Meta+Shift+Z' : 'Control+Shift+Z Control+Y'}
          title={undoKeys.redo}
          onClick={() => controls.run('redo')}
        >
          {t('assessments.undo.redo')}
        </button>
      ) : null}
    </p>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function ratingText(t: T, rating: RatingAnswer | undefined): string {
  if (rating === undefined || rating === null) return t('assessments.rating.none');
  return rating === 'na' ? t('assessments.rating.na') : t(`assessments.rating.v${rating}`);
}

/** A unit in messages: its criterion id, with the programme where the assessment covers several. */
export function undoUnitName(model: WorkspaceModel, key: string, severalProgrammes: boolean, language: Language): string {
  const unit = model.unitByKey.get(key);
  if (unit === undefined) return key;
  return unit.programme && severalProgrammes ? `${unit.criterion.id} (${programmeTitle(unit.programme, language)})` : unit.criterion.id;
}

/**
 * "GQ-03 rated Met", "Rating of GQ-03 restored to Largely met", "Notes of GQ-03 restored": a change,
 * an undo or a redo in words. `unit` names the unit (its criterion id, and programme where needed).
 */
export function undoMessage(t: T, event: UndoEvent, unit: string): string {
  const { kind, step } = event;
  // An undo shows what was put back; a change or a redo what was set.
  const rating = ratingText(t, patchValue(kind === 'undo' ? step.before : step.after, 'rating') as RatingAnswer | undefined);
  if (kind === 'change') {
    return step.field === 'rating' ? t('assessments.undo.rated', { unit, rating }) : t(`assessments.undo.edited.${step.field}`, { unit });
  }
  const verb = kind === 'undo' ? 'restored' : 'redone';
  return step.field === 'rating'
    ? t(`assessments.undo.${verb}.rating`, { unit, rating })
    : t(`assessments.undo.${verb}.${step.field}`, { unit });
}
