import { actionText } from '../../../../shared/assessments/corrective-action-text';
import type { CorrectiveAction, FindingAction } from '../../../../shared/assessments/schema';
import type { Finding } from '../../../../shared/scoring';
import type { ReportContext } from '../report-context';

const d = 'reports.document.nonConformities';

/**
 * The corrective-action column of a non-conformity: what the institution must do and the evidence that
 * will close it, in the inspector's words as written, then owner, due date and status. The criterion and
 * the finding's class are the row's other columns, in the report's language. An action nobody wrote
 * prints the suggestion made from the finding, in the report's language, marked as such. In a draft
 * the action is not raised yet: the words written so far are printed with when it will be due.
 */
export function CorrectiveActionCell({
  ctx,
  finding: f,
  action,
  written,
}: {
  ctx: ReportContext;
  finding: Finding;
  /** The action raised at finalisation, if any. */
  action: CorrectiveAction | undefined;
  /** The finding with the parts written for it so far (before finalisation). */
  written: FindingAction | undefined;
}) {
  const { text } = ctx;
  const parts = action ?? written;
  const shown = parts ? actionText(parts, text.language, (key, params) => text.t(key, params)) : null;
  return (
    <td>
      {shown ? (
        <>
          <p className="pre">
            <strong>{text.t(`${d}.requiredAction`)}</strong> {shown.actionRequired}
          </p>
          <p className="pre small">
            <strong>{text.t(`${d}.closingEvidence`)}</strong> {shown.closingEvidence}
          </p>
          {shown.suggested.actionRequired ? <p className="small muted">{text.t(`${d}.suggested`)}</p> : null}
        </>
      ) : null}
      {action ? (
        <>
          <p className="small">{action.owner ? text.t(`${d}.owner`, { owner: action.owner }) : text.t(`${d}.noOwner`)}</p>
          <p className="small">
            <strong>{text.t(`${d}.due`, { date: text.date(action.dueDate) })}</strong>
          </p>
          <p className="small muted">{text.t(`${d}.status`, { status: text.t(`assessments.actionStatus.${action.status}`) })}</p>
        </>
      ) : (
        <p className="small muted">{text.t(`${d}.notRaised`, { days: f.dueDays ?? '' })}</p>
      )}
    </td>
  );
}
