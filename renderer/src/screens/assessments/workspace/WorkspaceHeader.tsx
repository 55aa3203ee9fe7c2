import { useTranslation } from 'react-i18next';
import type { Assessment } from '../../../../../shared/assessments/schema';
import { unitKey } from '../../../../../shared/assessments/scope';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { finaliseRefusal, type FinaliseRefusal } from '../../../../../shared/settings/roles';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { counted, formatNumber } from '../../../format';
import { currentLanguage, translateServiceMessage } from '../../../i18n';
import { href } from '../../../router';
import { teamText } from '../details/team-text';
import { FrameworkUpdateNotice } from '../framework-change/FrameworkUpdateNotice';
import { formatDate } from '../model/dates';
import type { SaveQueue } from '../model/save-queue';
import { institutionName, localized } from '../model/text';
import { ExportPackageButton } from '../../packages/ExportPackageButton';
import type { WorkspaceModel } from '../model/units';
import { useActingPerson } from '../../profile/use-acting-person';
import { SaveStatus } from './SaveStatus';
import { WorkflowBar } from './WorkflowBar';
import { SwitchToReviewer } from '../../profile/SwitchToReviewer';
import './workspace-header.css';

interface WorkspaceHeaderProps {
  assessment: Assessment;
  queue: SaveQueue;
  recovered: number;
  hasSelf: boolean;
  refusal: AppErrorData | null;
  model: WorkspaceModel;
  settle: () => Promise<boolean>;
  onChanged: (a: Assessment) => void;
  onRefused: (e: AppErrorData | null) => void;
  onJump: (unitKey: string) => void;
}

const shownIssues = 30;

/** Who and what is assessed, the autosave indicator, the workflow and its refusals. */
export function WorkspaceHeader(props: WorkspaceHeaderProps) {
  const { assessment: a, queue, recovered, hasSelf, refusal, model, onJump } = props;
  const { t } = useTranslation();
  const language = currentLanguage();
  const person = useActingPerson();
  const refusalToFinalise = person === null || a.status !== 'submitted' ? null : finaliseRefusal(person, a);
  const issues = refusal?.code === 'validation' ? (refusal.issues ?? []) : [];
  const unitOf = (path: readonly (string | number)[]) =>
    path[0] === 'ratings' && typeof path[1] === 'string' ? unitKey(path[1], typeof path[2] === 'string' ? path[2] : null) : null;

  return (
    <header className="workspace__header">
      <div className="workspace__title">
        <div className="workspace__identity">
          <p className="breadcrumbs">
            <a href={href({ name: 'assessments' })}>{t('assessments.title')}</a> ·{' '}
            <a href={href({ name: 'institution', id: a.institutionId })}>{institutionName(a, language)}</a>
          </p>
          <h1 id="workspace-heading">
            {t(`assessments.kind.${a.kind}`)} — {institutionName(a, language)}
          </h1>
          <p className="secondary workspace__meta">
            {t('assessments.workspace.meta', {
              framework: a.frameworkVersion,
              revision: formatNumber(a.revisionNumber),
              visit: formatDate(a.siteVisitDate),
            })}{' '}
            ·{' '}
            <span data-testid="workspace-team">
              {t('assessments.details.teamLine', {
                team: teamText(t, a.team),
                start: formatDate(a.plannedStart),
                end: formatDate(a.plannedEnd),
              })}{' '}
              <a href={href({ name: 'assessment-details', id: a.id })}>
                {a.status === 'draft' ? t('assessments.details.edit') : t('assessments.details.view')}
              </a>
            </span>
          </p>
        </div>
        {/* Beside the title, not under it: at 1366×768 the first criterion stays on the first screen. */}
        <div className="workspace__actions">
          <div className="workspace__links">
            <a className="button" href={href({ name: 'assessment-prepare', id: a.id })}>
              {t('assessments.workspace.prepare')}
            </a>
            {hasSelf || a.kind === 'self-assessment' ? (
              <a
                className="button"
                href={href({
                  name: 'institution-gap',
                  institutionId: a.institutionId,
                  inspectionId: a.kind === 'self-assessment' ? null : a.id,
                })}
              >
                {t('assessments.workspace.gap')}
              </a>
            ) : null}
            <ExportPackageButton scope={{ kind: 'assessments', assessmentIds: [a.id] }} label={t('exchange.export.workspaceButton')} />
          </div>
          <div className="workspace__status">
            <SaveStatus queue={queue} />
            <WorkflowBar
              assessment={a}
              mayFinalise={person !== null && refusalToFinalise === null}
              settle={props.settle}
              onChanged={props.onChanged}
              onRefused={props.onRefused}
            />
          </div>
        </div>
      </div>
      {a.status === 'finalised' ? (
        <p className="banner banner--locked" data-testid="locked-banner">
          <strong>{t('assessments.workspace.lockedTitle')}</strong> {t('assessments.workspace.locked')}
        </p>
      ) : a.status === 'submitted' ? (
        <SubmittedBanner assessment={a} refusal={refusalToFinalise} />
      ) : null}
      {a.revisionNumber > 1 ? (
        <p className="banner">
          {t('assessments.workspace.reopened', { revision: formatNumber(a.revisionNumber), reason: a.reopenReason })}{' '}
          {a.previousRevisionId ? (
            <a href={href({ name: 'assessment', id: a.previousRevisionId })}>{t('assessments.workspace.previousRevision')}</a>
          ) : null}
        </p>
      ) : null}
      {recovered > 0 ? <p className="banner">{t('assessments.workspace.recovered', counted(recovered))}</p> : null}
      <FrameworkUpdateNotice assessment={a} settle={props.settle} />
      {issues.length > 0 ? (
        <div className="banner banner--error" role="alert">
          <p>
            <strong>{t('assessments.workflow.notReady', counted(issues.length))}</strong>
          </p>
          <ul className="issue-list">
            {issues.slice(0, shownIssues).map((issue, i) => {
              const key = unitOf(issue.path);
              const unit = key === null ? undefined : model.unitByKey.get(key);
              return (
                <li key={i}>
                  {unit ? (
                    <button type="button" className="link-button" onClick={() => onJump(unit.key)}>
                      {unit.criterion.id} {localized(unit.criterion.title, language)}
                      {unit.programme
                        ? ` (${language === 'bn' && unit.programme.titleBn ? unit.programme.titleBn : unit.programme.titleEn})`
                        : ''}
                    </button>
                  ) : null}{' '}
                  — {translateServiceMessage(issue.message)}
                </li>
              );
            })}
            {issues.length > shownIssues ? (
              <li>{t('assessments.workflow.more', { n: formatNumber(issues.length - shownIssues) })}</li>
            ) : null}
          </ul>
        </div>
      ) : (
        <ErrorBanner error={refusal} />
      )}
    </header>
  );
}

/**
 * Read-only while submitted: who submitted it and, when the acting person may not finalise, why (four
 * eyes, or the role), with the way to hand the laptop over to the reviewer.
 */
function SubmittedBanner({ assessment: a, refusal }: { assessment: Assessment; refusal: FinaliseRefusal | null }) {
  const { t } = useTranslation();
  return (
    <div className="banner" data-testid="submitted-banner">
      <p>
        <strong>{t('assessments.workspace.submittedTitle')}</strong>{' '}
        {a.submittedBy ? `${t('assessments.roles.submittedBy', { name: a.submittedBy })} ` : null}
        {refusal === 'ownSubmission'
          ? t('assessments.roles.ownSubmissionBanner', { profile: t('profile.nav') })
          : t(refusal === 'notForRole' ? 'assessments.roles.notForRoleBanner' : 'assessments.workspace.submitted')}
      </p>
      {refusal === 'ownSubmission' ? <SwitchToReviewer /> : null}
    </div>
  );
}
