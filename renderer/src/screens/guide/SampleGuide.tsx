import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useAction } from '../../data/use-action';
import { formatNumber } from '../../format';
import { href, type Route } from '../../router';
import { updateGuide, useGuideState, type GuideState } from './guide-state';
import { currentStep, guideSteps, type GuideStep, type SampleProgress } from './guide-steps';
import { startSample } from './start-sample';
import { useSampleProgress } from './use-sample-progress';
import './guide.css';

/**
 * Shown above every screen: the guide panel while the guided sample is on, otherwise (on the
 * institutions list) a small link that starts or reopens it.
 */
export function SampleGuide({ route }: { route: Route }) {
  const state = useGuideState();
  if (state?.active) return <GuidePanel key={state.assessmentId} state={state} route={route} />;
  return route.name === 'institutions' ? <GuideLauncher /> : null;
}

function GuideLauncher() {
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const start = () => run(startSample);
  return (
    <div className="guide-launcher">
      <ErrorBanner error={error} />
      <button type="button" className="link-button" disabled={busy} aria-describedby="guide-launcher-hint" onClick={() => void start()}>
        {busy ? t('sample.guide.opening') : t('sample.guide.reopen')}
      </button>
      <span id="guide-launcher-hint" className="secondary">
        {t('sample.guide.reopenHint')}
      </span>
    </div>
  );
}

function GuidePanel({ state, route }: { state: GuideState; route: Route }) {
  const { t } = useTranslation();
  const progress = useSampleProgress(state.institutionId, state.assessmentId, route);
  const onReport = route.name === 'assessment-report' && route.id === state.assessmentId;

  // Arriving on the sample's report is the "open the report" step; the preview loads by itself there.
  useEffect(() => {
    if (onReport && !state.openedReport) updateGuide({ openedReport: true });
  }, [onReport, state.openedReport]);

  const step = progress.kind === 'known' ? currentStep(progress.progress, state) : null;
  const at = step === null ? -1 : guideSteps.indexOf(step);

  // A step done deep in the workspace moves the guide on out of sight: bring the next instruction
  // into view (focus stays where the user is working; screen readers hear the live region).
  const panel = useRef<HTMLElement>(null);
  const shown = useRef<typeof step>(null);
  useEffect(() => {
    if (step === null) return;
    if (shown.current !== null && shown.current !== step) panel.current?.scrollIntoView({ block: 'nearest' });
    shown.current = step;
  }, [step]);

  return (
    <section ref={panel} role="region" className="guide" aria-labelledby="guide-heading" data-testid="sample-guide" data-step={step ?? ''}>
      <div className="guide__head">
        <h2 id="guide-heading">{t('sample.guide.title')}</h2>
        <ol className="guide__track" aria-hidden="true">
          {guideSteps.map((s, i) => (
            <li key={s} className={i < at ? 'guide__dot guide__dot--done' : i === at ? 'guide__dot guide__dot--current' : 'guide__dot'} />
          ))}
        </ol>
        <button type="button" className="link-button" onClick={() => updateGuide({ active: false })}>
          {t('sample.guide.close')}
        </button>
      </div>
      <div className="guide__body">
        {/* Only the step line is live: it changes once per step, not with every rating. */}
        <p className="guide__step" aria-live="polite" aria-atomic="true">
          {progress.kind === 'gone' ? (
            t('sample.guide.gone')
          ) : step !== null ? (
            <strong>
              {t('sample.guide.step', {
                step: formatNumber(at + 1),
                total: formatNumber(guideSteps.length),
                title: t(`sample.guide.steps.${step}.title`),
              })}
            </strong>
          ) : (
            t('app.loading')
          )}
        </p>
        {progress.kind === 'known' && step !== null ? <StepText step={step} progress={progress.progress} /> : null}
      </div>
      {step !== null ? <StepActions step={step} state={state} route={route} /> : null}
    </section>
  );
}

function StepText({ step, progress }: { step: GuideStep; progress: SampleProgress }) {
  const { t } = useTranslation();
  // The instructions quote the app's own labels, so they always name what is on the screen.
  const labels = {
    rate: { filter: t('assessments.filters.unanswered'), number: formatNumber(progress.toRate) },
    score: { filter: t('assessments.filters.nonConformities') },
    submit: { button: t('assessments.workflow.submit') },
    report: {},
    review: { profile: t('profile.nav') },
    sign: { button: t('reports.screen.sign') },
    done: { verify: t('reports.nav'), newInstitution: t('institutions.new') },
  }[step];
  return <p>{t(`sample.guide.steps.${step}.text`, labels)}</p>;
}

function StepActions({ step, state, route }: { step: GuideStep; state: GuideState; route: Route }) {
  const { t } = useTranslation();
  const workspace = href({ name: 'assessment', id: state.assessmentId });
  const report = href({ name: 'assessment-report', id: state.assessmentId });
  const onWorkspace = route.name === 'assessment' && route.id === state.assessmentId;
  const onReport = route.name === 'assessment-report' && route.id === state.assessmentId;
  // A link to the screen the user is already on would do nothing: it is left out there.
  const openWorkspace = (primary: boolean) =>
    onWorkspace ? null : (
      <a className={primary ? 'button button--primary' : 'button'} href={workspace}>
        {t('sample.guide.steps.rate.action')}
      </a>
    );
  const openReport = onReport ? null : (
    <a className="button button--primary" href={report}>
      {t('sample.guide.steps.report.action')}
    </a>
  );

  let actions: ReactNode = null;
  if (step === 'rate' || step === 'submit') actions = openWorkspace(true);
  if (step === 'score') {
    actions = (
      <>
        {openWorkspace(false)}
        <button type="button" className="button--primary" onClick={() => updateGuide({ lookedAtScore: true })}>
          {t('sample.guide.steps.score.action')}
        </button>
      </>
    );
  }
  if (step === 'report' || step === 'sign') actions = openReport;
  if (step === 'review' && route.name !== 'profile') {
    actions = (
      <a className="button button--primary" href={href({ name: 'profile' })}>
        {t('sample.guide.steps.review.action')}
      </a>
    );
  }
  if (step === 'done') actions = <DoneActions institutionId={state.institutionId} />;
  return actions === null ? null : <div className="guide__actions">{actions}</div>;
}

/** The end: where to check the signed report, and a way to put the sample out of the list. */
function DoneActions({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const [archived, setArchived] = useState(false);
  const { error, run } = useAction();
  const archive = async () => {
    const r = await run<unknown>(async () => {
      const got = await invoke('institutions:get', { id: institutionId });
      if (!got.ok) return got;
      const { institution } = got.value;
      return institution.archived
        ? got
        : invoke('institutions:set-archived', { id: institution.id, revision: institution.revision, archived: true });
    });
    if (r.ok) setArchived(true);
  };
  return (
    <>
      <ErrorBanner error={error} />
      <a className="button button--primary" href={href({ name: 'report-verify' })}>
        {t('sample.guide.steps.done.verify')}
      </a>
      {archived ? (
        <p role="status" className="guide__archived">
          {t('sample.guide.steps.done.archived', { showArchived: t('institutions.showArchived') })}
        </p>
      ) : (
        <button type="button" onClick={() => void archive()}>
          {t('sample.guide.steps.done.archive')}
        </button>
      )}
    </>
  );
}
