import type { ProgrammeSnapshot } from '../../../../../shared/assessments/schema';
import type { EvidenceLink } from '../../../../../shared/evidence/schema';
import type { Framework } from '../../../../../shared/framework/schema';
import type { Language } from '../../../../../shared/settings/schema';
import { localized, programmeTitle } from '../model/text';

/** Names for evidence types and criterion units in the user's language. */
export function evidenceLabels(framework: Framework, programmes: readonly ProgrammeSnapshot[], language: Language) {
  const types = new Map(framework.evidenceTypes.map((e) => [e.code, e.label]));
  const byId = new Map(programmes.map((p) => [p.id, p]));
  return {
    typeLabel: (code: string) => localized(types.get(code), language) || code,
    unitLabel: (link: EvidenceLink) => {
      if (link.programmeId === null) return link.criterionId;
      const programme = byId.get(link.programmeId);
      return programme ? `${link.criterionId} (${programmeTitle(programme, language)})` : link.criterionId;
    },
  };
}
