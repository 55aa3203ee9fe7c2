import type { ReportContext } from '../report-context';
import { isPhoto } from '../report-photos';
import { Cover } from './Cover';
import { CriteriaTable } from './CriteriaTable';
import { EqavetAnnex } from './EqavetAnnex';
import { EvidenceIndex } from './EvidenceIndex';
import { GapSection } from './GapSection';
import { GroupScores } from './GroupScores';
import { MethodNote } from './MethodNote';
import { NonConformities } from './NonConformities';
import { OutcomeIndicators } from './OutcomeIndicators';
import { PhotoAnnex } from './PhotoAnnex';
import { Programmes } from './Programmes';
import { SignaturePage } from './SignaturePage';
import { Summary } from './Summary';

/** The whole report in reading order; sections are numbered as they appear (the gap section only for inspections with a self-assessment). */
export function ReportBody({ ctx }: { ctx: ReportContext }) {
  const gap = ctx.data.gap;
  let n = 0;
  // Section numbers are written in the report's digits.
  const next = () => ctx.text.num((n += 1));
  return (
    <main className={ctx.text.bengaliDigits ? 'report report--bengali-digits' : 'report'} lang={ctx.text.language}>
      <Cover ctx={ctx} />
      <Summary ctx={ctx} n={next()} />
      <GroupScores ctx={ctx} n={next()} />
      <Programmes ctx={ctx} n={next()} />
      <NonConformities ctx={ctx} n={next()} />
      <CriteriaTable ctx={ctx} n={next()} />
      <OutcomeIndicators ctx={ctx} n={next()} />
      {gap ? <GapSection ctx={ctx} n={next()} gap={gap} /> : null}
      <EvidenceIndex ctx={ctx} n={next()} />
      <MethodNote ctx={ctx} n={next()} />
      {ctx.data.framework.eqavet.phases.length + ctx.data.framework.eqavet.indicators.length > 0 ? (
        <EqavetAnnex ctx={ctx} n={next()} />
      ) : null}
      {/* Before the signature page: the signature must stand on the last page and cover the photos too. */}
      {ctx.data.evidence.some(isPhoto) ? <PhotoAnnex ctx={ctx} n={next()} /> : null}
      <SignaturePage ctx={ctx} n={next()} />
    </main>
  );
}
