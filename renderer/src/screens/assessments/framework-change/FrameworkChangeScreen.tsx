import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, Rating } from '../../../../../shared/assessments/schema';
import type { FrameworkVersionSummary } from '../../../../../shared/framework/contract';
import type { ResponseOf } from '../../../../../shared/ipc/contract';
import { ok } from '../../../../../shared/ipc/result';
import { invoke } from '../../../api/client';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useAction } from '../../../data/use-action';
import { useLoad } from '../../../data/use-request';
import { counted, formatDateTime, formatNumber } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { href, navigate } from '../../../router';
import { titleOf } from '../../frameworks/framework-text';
import { FrameworkLoadError, loadFramework, type LoadedFramework } from '../model/framework-cache';
import { LocalJournal } from '../model/journal';
import { institutionName } from '../model/text';
import { newerVersions, planChange, type ChangePlan } from './change-plan';
import { FrameworkChanges } from './FrameworkChanges';
import { leaveMovedNote } from './moved-note';
import { MoveNotes } from './MoveNotes';
import { CarriedRatings, DroppedRatings } from './RatingTables';
import './framework-change.css';

interface Loaded {
  assessment: Assessment;
  ratings: Rating[];
  current: LoadedFramework;
  /** Higher versions of the same framework, newest first. */
  newer: FrameworkVersionSummary[];
}

interface Preview {
  targetId: string;
  target: LoadedFramework;
  /** The services' own preview of the move (nothing changed yet): the diff and how many ratings drop. */
  result: ResponseOf<'assessments:change-framework'>;
  plan: ChangePlan;
}

async function loadReview(id: string): Promise<Loaded> {
  const [got, library] = await Promise.all([invoke('assessments:get', { id }), invoke('frameworks:list', {})]);
  if (!got.ok) throw new FrameworkLoadError(got.error);
  if (!library.ok) throw new FrameworkLoadError(library.error);
  const { assessment, ratings } = got.value;
  const current = await loadFramework(assessment.frameworkVersionId);
  const newer = newerVersions(library.value.items, { frameworkId: assessment.frameworkId, version: assessment.frameworkVersion });
  return { assessment, ratings, current, newer };
}

/**
 * `#/assessments/<id>/framework`: the review of moving a draft to a newer version of its framework —
 * what changed, which ratings are carried and which are dropped (with what was written on them) —
 * and the move itself, made only when the inspector confirms it.
 */
export function FrameworkChangeScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [targetId, setTargetId] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const conflictRef = useRef<HTMLParagraphElement>(null);

  // A refusal thrown while loading (FrameworkLoadError) is shown as the error by useLoad.
  const review = useLoad(() => loadReview(id).then(ok), [id]);
  const loaded = review.value;
  useEffect(() => {
    if (loaded === null) return;
    // Keep the version chosen before a reload while it is still offered.
    setTargetId((chosen) => (loaded.newer.some((v) => v.id === chosen) ? chosen : (loaded.newer[0]?.id ?? null)));
  }, [loaded]);

  const previewed = useLoad<Preview>(
    loaded === null || targetId === null || loaded.assessment.status !== 'draft'
      ? null
      : async () => {
          const { assessment, ratings, current } = loaded;
          const [result, target] = await Promise.all([
            invoke('assessments:change-framework', { id, revision: assessment.revision, frameworkVersionId: targetId, apply: false }),
            loadFramework(targetId),
          ]);
          if (!result.ok) return result;
          const plan = planChange(assessment.programmes, ratings, current.framework, target.framework, result.value);
          return ok({ targetId, target, result: result.value, plan });
        },
    [id, loaded, targetId],
  );
  const preview = previewed.value;

  const moving = useAction();
  const busy = moving.busy;
  // A conflict is said in its own words above (and the review reloads), not as an error banner.
  const moveError = moving.error?.code === 'conflict' ? null : moving.error;
  const error = review.error ?? previewed.error ?? moveError;

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const move = async () => {
    if (loaded === null || preview === null) return;
    setConflict(false);
    const r = await moving.run(() =>
      invoke('assessments:change-framework', {
        id,
        revision: loaded.assessment.revision,
        frameworkVersionId: preview.targetId,
        apply: true,
      }),
    );
    if (r.ok) {
      leaveMovedNote(id, {
        version: preview.target.summary.version,
        carried: loaded.ratings.length - r.value.droppedRatings,
        dropped: r.value.droppedRatings,
        // The criteria the inspector must look at again (figures moved, to enter or check, ratings to review).
        check: [...new Set(r.value.notes.map((n) => (n.code === 'figuresNotCarried' ? n.otherCriterionId : null) ?? n.criterionId))],
      });
      navigate({ name: 'assessment', id });
      return;
    }
    if (r.error.code === 'conflict') {
      setConflict(true);
      review.reload();
    }
  };

  const back = href({ name: 'assessment', id });
  const header = (
    <>
      <p>
        <a href={back}>← {t('assessments.frameworkChange.back')}</a>
      </p>
      <h1 id="framework-change-heading">{t('assessments.frameworkChange.title')}</h1>
      {loaded ? (
        <p className="secondary">
          {t(`assessments.kind.${loaded.assessment.kind}`)} — {institutionName(loaded.assessment, language)}
        </p>
      ) : null}
      {conflict ? (
        <p className="banner banner--error" role="alert" tabIndex={-1} ref={conflictRef}>
          {t('assessments.frameworkChange.conflict')}
        </p>
      ) : null}
      <ErrorBanner error={error} />
    </>
  );

  let body: ReactNode;
  if (loaded === null) {
    body = error ? null : <p aria-busy="true">{t('app.loading')}</p>;
  } else if (loaded.assessment.status !== 'draft') {
    body = (
      <p className="banner">{t('assessments.frameworkChange.notDraft', { status: t(`assessments.status.${loaded.assessment.status}`) })}</p>
    );
  } else if (loaded.newer.length === 0) {
    body = <p className="empty">{t('assessments.frameworkChange.newest', { version: loaded.assessment.frameworkVersion })}</p>;
  } else {
    body = (
      <>
        {loaded.newer.length > 1 ? (
          <div className="field framework-change__target">
            <label htmlFor="framework-change-target">{t('assessments.frameworkChange.target')}</label>
            <select id="framework-change-target" value={targetId ?? ''} onChange={(e) => setTargetId(e.target.value)}>
              {loaded.newer.map((v) => (
                <option key={v.id} value={v.id}>
                  {t('assessments.frameworkChange.targetOption', { version: v.version, date: formatDateTime(v.importedAt) })}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {preview === null ? (
          error ? null : (
            <p aria-busy="true">{t('app.loading')}</p>
          )
        ) : (
          <Review loaded={loaded} preview={preview} busy={busy} back={back} onMove={() => void move()} />
        )}
      </>
    );
  }

  return (
    <section className="framework-change" aria-labelledby="framework-change-heading">
      {header}
      {body}
    </section>
  );
}

interface ReviewProps {
  loaded: Loaded;
  preview: Preview;
  busy: boolean;
  back: string;
  onMove: () => void;
}

function Review({ loaded, preview, busy, back, onMove }: ReviewProps) {
  const { t } = useTranslation();
  const { assessment: a, current } = loaded;
  const { result, plan, target } = preview;
  const version = target.summary.version;
  // Changes typed but never confirmed by the services (a failed save): moving now could lose them.
  const unsaved = new LocalJournal(a.id).read().size;

  return (
    <>
      <p className="framework-change__from-to" data-testid="framework-change-versions">
        {t('assessments.frameworkChange.fromTo', { from: a.frameworkVersion, to: version, framework: titleOf(target.summary) })}
      </p>
      <p>{t('assessments.frameworkChange.intro')}</p>
      <p className="framework-change__summary" data-testid="framework-change-summary">
        {t('assessments.frameworkChange.summary', {
          count: loaded.ratings.length - result.droppedRatings,
          added: formatNumber(result.added.length),
          removed: formatNumber(result.removed.length),
          reworded: formatNumber(result.reworded.length),
          changed: formatNumber(result.changed.length),
          carried: formatNumber(loaded.ratings.length - result.droppedRatings),
          dropped: formatNumber(result.droppedRatings),
        })}
      </p>
      {unsaved > 0 ? (
        <p className="banner banner--error" role="alert">
          {t('assessments.frameworkChange.unsaved', counted(unsaved))}
        </p>
      ) : null}
      <MoveNotes notes={result.notes} current={current.framework} target={target.framework} programmes={a.programmes} version={version} />
      <DroppedRatings dropped={plan.dropped} version={version} />
      <CarriedRatings carried={plan.carried} version={version} />
      <FrameworkChanges current={current.framework} target={target.framework} diff={result} />
      <p>
        <a href={href({ name: 'framework-compare', olderId: current.summary.id, newerId: target.summary.id })}>
          {t('assessments.frameworkChange.compare')}
        </a>
      </p>
      <div className="actions framework-change__actions">
        <a className="button" href={back}>
          {t('assessments.frameworkChange.cancel')}
        </a>
        <button type="button" className="button--primary" disabled={busy} onClick={onMove}>
          {busy ? t('assessments.frameworkChange.moving') : t('assessments.frameworkChange.confirm', { version })}
        </button>
      </div>
    </>
  );
}
