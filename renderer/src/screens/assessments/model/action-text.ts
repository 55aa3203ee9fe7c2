import { actionText, criterionLabel, criterionTitle } from '../../../../../shared/assessments/corrective-action-text';
import type { ActionText } from '../../../../../shared/assessments/corrective-action-text';
import type { ActionCriterion } from '../../../../../shared/assessments/schema';
import i18next, { currentLanguage } from '../../../i18n';

/** The parts of a finding or a raised action that its text is made from. */
interface ActionParts {
  criterionId: string;
  criterion: ActionCriterion | null;
  findingNote: string;
  actionRequired: string;
  closingEvidence: string;
}

/**
 * The required action and closing evidence as the screens show them, in the language the reader has
 * chosen: the inspector's words, else the suggestion (the same wording a report prints).
 */
export function actionTextHere(parts: ActionParts): ActionText {
  return actionText(parts, currentLanguage(), (key, params) => i18next.t(key, params));
}

/** The criterion's title in the reader's language (Bangla on Bangla screens). */
export function criterionTitleHere(parts: { criterion: ActionCriterion | null }): string {
  return criterionTitle(parts.criterion, currentLanguage());
}

/** The criterion's id and title in the reader's language. */
export function criterionLabelHere(parts: { criterionId: string; criterion: ActionCriterion | null }): string {
  return criterionLabel(parts, currentLanguage());
}
