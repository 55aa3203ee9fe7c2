import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceCoverage, itemsForUnit } from '../../../../../shared/evidence/coverage';
import type { EvidenceItem, EvidenceLink } from '../../../../../shared/evidence/schema';
import { currentLanguage } from '../../../i18n';
import { href } from '../../../router';
import { unitDomId, type Unit } from '../model/units';
import { useWorkspace } from '../model/workspace-context';
import { AttachControls } from './AttachControls';
import { routeAssessmentId, useEvidence } from './evidence-store';
import { EvidenceList } from './EvidenceList';
import { EvidenceViewer } from './EvidenceViewer';
import { evidenceLabels } from './labels';
import './evidence.css';

interface EvidencePanelProps {
  unit: Unit;
  readOnly: boolean;
  /** Defaults to the assessment of the current address (#/assessments/<id>). */
  assessmentId?: string;
}

/**
 * The files of one criterion unit, on its card: previews, and a place to attach more. Which expected
 * types are seen or attached is said once, by the card's evidence list (workspace/EvidencePicker.tsx).
 */
export function EvidencePanel({ unit, readOnly, assessmentId: given }: EvidencePanelProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { framework, programmes } = useWorkspace();
  const assessmentId = given ?? routeAssessmentId();
  const snapshot = useEvidence(assessmentId);
  const [viewing, setViewing] = useState<EvidenceItem | null>(null);
  const link: EvidenceLink = useMemo(() => ({ criterionId: unit.criterion.id, programmeId: unit.programmeId }), [unit]);
  const items = useMemo(() => itemsForUnit(snapshot.items, link), [snapshot.items, link]);
  const coverage = evidenceCoverage(unit.criterion.evidence, items);
  const labels = useMemo(() => evidenceLabels(framework, programmes, language), [framework, programmes, language]);
  const domId = `${unitDomId(unit)}-evidence-files`;

  return (
    <section className="evidence-panel" aria-labelledby={`${domId}-heading`}>
      <div className="evidence-panel__head">
        <h4 id={`${domId}-heading`}>{t('evidence.attached')}</h4>
        <a className="evidence-panel__all" href={href({ name: 'assessment-evidence', id: assessmentId })}>
          {t('evidence.allLink')}
        </a>
      </div>
      <EvidenceList
        assessmentId={assessmentId}
        items={items}
        unit={link}
        readOnly={readOnly}
        typeLabel={labels.typeLabel}
        unitLabel={labels.unitLabel}
        onOpen={setViewing}
        evidenceTypes={framework.evidenceTypes}
      />
      {readOnly ? null : (
        <AttachControls
          assessmentId={assessmentId}
          links={[link]}
          evidenceTypes={framework.evidenceTypes}
          defaultType={coverage.missing[0] ?? unit.criterion.evidence[0] ?? framework.evidenceTypes[0]!.code}
          idPrefix={domId}
          compact
        />
      )}
      {viewing !== null ? (
        <EvidenceViewer
          item={viewing}
          typeLabel={labels.typeLabel}
          supports={(item) =>
            item.links.length === 0
              ? t('evidence.wholeAssessment')
              : t('evidence.item.supports', { criteria: item.links.map(labels.unitLabel).join(', ') })
          }
          onClose={() => setViewing(null)}
        />
      ) : null}
    </section>
  );
}
