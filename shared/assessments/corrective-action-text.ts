import type { Language } from '../settings/schema';
import type { ActionCriterion } from './schema';

/** A catalogue lookup with {{placeholders}}: i18next's `t` on screens, ReportText's `t` in reports. */
export type Translate = (key: string, params: Record<string, string>) => string;

interface ActionParts {
  criterionId: string;
  criterion: ActionCriterion | null;
  findingNote: string;
  actionRequired: string;
  closingEvidence: string;
}

/** The text a reader sees for each part, and whether it is the suggestion (nothing written yet). */
export interface ActionText {
  actionRequired: string;
  closingEvidence: string;
  suggested: { actionRequired: boolean; closingEvidence: boolean };
}

const inLanguage = (text: { en: string; bn: string }, language: Language) => (language === 'bn' && text.bn ? text.bn : text.en);

/** The criterion's title in the reader's language ('' when the framework does not have the criterion). */
export function criterionTitle(criterion: ActionCriterion | null, language: Language): string {
  return criterion ? inLanguage(criterion.title, language) : '';
}

/** The criterion as a reader names it: its id and its title in their language. */
export function criterionLabel(parts: Pick<ActionParts, 'criterionId' | 'criterion'>, language: Language): string {
  return parts.criterion ? `${parts.criterionId} ${criterionTitle(parts.criterion, language)}` : parts.criterionId;
}

/**
 * The required action suggested for a finding: put right what was found under the criterion, quoting the
 * inspector's note. The form starts from it, so accepting it is one click; a report prints it for an
 * action nobody wrote (one raised before actions were written, say), in the report's language.
 */
export function suggestedActionRequired(parts: ActionParts, language: Language, t: Translate): string {
  const criterion = criterionLabel(parts, language);
  const note = parts.findingNote.trim();
  return note
    ? t('assessments.actions.suggest.actionWithNote', { criterion, note })
    : t('assessments.actions.suggest.action', { criterion });
}

/** The closing evidence suggested: the kinds of evidence the criterion asks for, showing it is now met. */
export function suggestedClosingEvidence(parts: ActionParts, language: Language, t: Translate): string {
  const criterion = criterionLabel(parts, language);
  const kinds = (parts.criterion?.evidence ?? []).map((e) => inLanguage(e, language));
  return kinds.length > 0
    ? t('assessments.actions.suggest.evidenceKinds', { criterion, evidence: kinds.join(', ') })
    : t('assessments.actions.suggest.evidence', { criterion });
}

/** What to show: the inspector's words as written, else the suggestion in the reader's language. */
export function actionText(parts: ActionParts, language: Language, t: Translate): ActionText {
  const required = parts.actionRequired.trim();
  const closing = parts.closingEvidence.trim();
  return {
    actionRequired: required || suggestedActionRequired(parts, language, t),
    closingEvidence: closing || suggestedClosingEvidence(parts, language, t),
    suggested: { actionRequired: required === '', closingEvidence: closing === '' },
  };
}
