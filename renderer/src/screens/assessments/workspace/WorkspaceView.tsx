// First, so its rules keep their old place in the cascade: before the card parts' own CSS files.
import './workspace.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maturityOffered } from '../../../../../shared/assessments/rules';
import type { Assessment, Rating } from '../../../../../shared/assessments/schema';
import { scopeOf } from '../../../../../shared/assessments/scope';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import type { RatingAnswer } from '../../../../../shared/scoring';
import type { LoadedFramework } from '../model/framework-cache';
import { LiveScore } from '../model/live-score';
import { UndoContext } from '../model/undo-context';
import { buildModel } from '../model/units';
import type { Unit } from '../model/units';
import { WorkspaceContext } from '../model/workspace-context';
import type { WorkspaceContextValue } from '../model/workspace-context';
import { CorrectiveActionsPanel } from './CorrectiveActionsPanel';
import { CriteriaList } from './CriteriaList';
import { FilterBar, noFilters } from './FilterBar';
import { MissingPane } from './MissingPane';
import { LiveScorePanel } from './ScorePanel';
import { SectionNavigator } from './SectionNavigator';
import { ShortcutHelp } from './ShortcutHelp';
import { useAutosave } from './use-autosave';
import { useCriteriaFilter } from './use-criteria-filter';
import { useApplyChange, useRatingActions } from './use-rating-actions';
import { useUndo } from './use-undo';
import { useWorkspaceNavigation } from './use-workspace-navigation';
import { useWorkspaceShortcuts, type WorkspaceTab } from './use-workspace-shortcuts';
import { WorkspaceHeader } from './WorkspaceHeader';

export interface WorkspaceViewProps {
  initial: Assessment;
  ratings: readonly Rating[];
  loaded: LoadedFramework;
  /** Effective answers of the institution's self-assessment (for an inspection), or null. */
  selfAnswers: ReadonlyMap<string, RatingAnswer> | null;
}

/**
 * The checklist workspace: navigator, criteria, live score, autosave and keyboard work. This is the
 * layout; each job is a hook beside it (filters, navigation and focus, rating actions, undo, keys).
 * The view itself never follows the score: a rating re-renders its card, the navigator entry, the
 * filter counts and the score panel, which subscribe to the live score themselves.
 */
export function WorkspaceView({ initial, ratings, loaded, selfAnswers }: WorkspaceViewProps) {
  const { t } = useTranslation();
  const framework = loaded.framework;
  const [assessment, setAssessment] = useState(initial);
  const readOnly = assessment.status !== 'draft';
  const scope = useMemo(() => scopeOf(initial.programmes), [initial.programmes]);
  const model = useMemo(() => buildModel(framework, scope, initial.programmes), [framework, scope, initial.programmes]);
  const { store, queue, recovered, settle } = useAutosave(initial, ratings, model);
  const live = useMemo(() => new LiveScore(framework, scope, store, model, selfAnswers), [framework, scope, store, model, selfAnswers]);

  const nav = useWorkspaceNavigation(model, live);
  const filter = useCriteriaFilter(model, live, nav.sectionId, selfAnswers);
  const [view, setView] = useState<WorkspaceTab>('criteria');
  const [helpOpen, setHelpOpen] = useState(false);
  const [maturityLens, setMaturityLens] = useState(false);
  const [refusal, setRefusal] = useState<AppErrorData | null>(null);
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const announce = useCallback((text: string) => setAnnouncement((a) => ({ text, n: a.n + 1 })), []);

  const { setFilters } = filter;
  const { goTo, openSection } = nav;
  const jump = useCallback(
    (key: string) => {
      const unit = model.unitByKey.get(key);
      if (unit === undefined) return;
      setFilters(noFilters);
      setView('criteria');
      goTo(unit);
    },
    [model, setFilters, goTo],
  );
  const selectSection = useCallback(
    (id: string) => {
      setFilters(noFilters);
      setView('criteria');
      openSection(id);
    },
    [setFilters, openSection],
  );

  const apply = useApplyChange(store, queue, filter.filtered, filter.keep);
  const undo = useUndo({
    store,
    queue,
    model,
    severalProgrammes: initial.programmes.length > 1,
    readOnly,
    status: assessment.status,
    apply,
    // The unit stays in the list shown where it can; otherwise the filters give way.
    reveal: (unit: Unit) =>
      view === 'criteria' && (!filter.filtered || filter.visible.some((u) => u.key === unit.key)) ? goTo(unit) : jump(unit.key),
  });
  const actions = useRatingActions({
    store,
    queue,
    model,
    framework,
    history: undo.history,
    readOnly,
    apply,
    refuseNa: () => announce(t('assessments.rules.naNotAllowed')),
    makeCurrent: nav.makeCurrent,
    focusNaReason: (unit) => nav.focusSoon(unit, 'na'),
  });
  useWorkspaceShortcuts({
    t,
    framework,
    model,
    store,
    kind: initial.kind,
    readOnly,
    view,
    setView,
    maturityLens,
    filtered: filter.filtered,
    visible: filter.visible,
    setFilters,
    navigation: nav,
    actions,
    announce,
    toggleHelp: () => setHelpOpen((o) => !o),
    undo: undo.run,
  });

  const context: WorkspaceContextValue = useMemo(
    () => ({
      framework,
      model,
      store,
      live,
      actions,
      kind: initial.kind,
      institutionId: initial.institutionId,
      programmes: initial.programmes,
      evidenceLabels: new Map(framework.evidenceTypes.map((e) => [e.code, e.label])),
    }),
    [framework, model, store, live, actions, initial.kind, initial.institutionId, initial.programmes],
  );

  // The workspace uses the whole window width while it is open, and the page a compact header (no
  // tagline) so a laptop screen shows the criterion and the score without scrolling.
  useEffect(() => {
    const main = document.getElementById('main');
    main?.classList.add('main--wide');
    document.documentElement.classList.add('workspace-open');
    return () => {
      main?.classList.remove('main--wide');
      document.documentElement.classList.remove('workspace-open');
    };
  }, []);

  const section = filter.filtered ? null : (model.sectionById.get(nav.sectionId ?? '') ?? null);
  const maturityHere =
    initial.kind === 'self-assessment' && model.sections.some((s) => maturityOffered(framework, s.group.id, initial.kind));
  const showActions = initial.kind !== 'self-assessment';

  const page = (
    <WorkspaceContext.Provider value={context}>
      <section className="workspace" aria-labelledby="workspace-heading">
        <WorkspaceHeader
          assessment={assessment}
          queue={queue}
          recovered={recovered}
          hasSelf={selfAnswers !== null}
          refusal={refusal}
          model={model}
          settle={settle}
          onChanged={setAssessment}
          onRefused={setRefusal}
          onJump={jump}
        />
        <div className="workspace__grid">
          <aside className="workspace__nav">
            <SectionNavigator
              sections={model.sections}
              programmes={initial.programmes}
              live={live}
              activeId={filter.filtered || view !== 'criteria' ? null : nav.sectionId}
              onSelect={selectSection}
            />
          </aside>
          <div className="workspace__main">
            <div className="view-tabs" role="group" aria-label={t('assessments.views.label')}>
              {(['criteria', 'missing', ...(showActions ? (['actions'] as const) : [])] as const).map((v) => (
                <button key={v} type="button" className="tab" aria-pressed={view === v} onClick={() => setView(v)}>
                  {v === 'missing' && initial.kind === 'self-assessment' ? t('assessments.views.missingSelf') : t(`assessments.views.${v}`)}
                </button>
              ))}
              <button type="button" className="link-button" aria-expanded={helpOpen} onClick={() => setHelpOpen((o) => !o)}>
                {t('assessments.keys.button')}
              </button>
            </div>
            <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} maturity={maturityLens} />
            {view === 'criteria' ? (
              <>
                <FilterBar filters={filter.filters} live={live} selfAnswers={selfAnswers} onChange={setFilters} />
                {maturityHere ? (
                  <label className="checkbox maturity-toggle">
                    <input type="checkbox" checked={maturityLens} onChange={(e) => setMaturityLens(e.target.checked)} />
                    {t('assessments.card.maturityLens')}
                  </label>
                ) : null}
                <CriteriaList
                  framework={framework}
                  kind={initial.kind}
                  section={section}
                  units={filter.visible}
                  listId={filter.listId}
                  current={nav.current}
                  readOnly={readOnly}
                  maturityLens={maturityLens}
                  selfAnswers={selfAnswers}
                />
              </>
            ) : view === 'missing' ? (
              <MissingPane live={live} assessmentId={initial.id} kind={initial.kind} programmes={initial.programmes} onJump={jump} />
            ) : (
              <CorrectiveActionsPanel assessment={assessment} framework={framework} />
            )}
          </div>
          <aside className="workspace__score">
            <LiveScorePanel live={live} final={assessment.status === 'finalised'} framework={framework} programmes={initial.programmes} />
          </aside>
        </div>
        <p className="visually-hidden" role="alert" key={announcement.n}>
          {announcement.text}
        </p>
        {/* Polite news (undo, redo) in a region that stays put; the space makes a repeated message new. */}
        <p className="visually-hidden" role="status" data-testid="workspace-news">
          {undo.news.text}
          {undo.news.n % 2 === 1 ? '\u00a0' : ''}
        </p>
      </section>
    </WorkspaceContext.Provider>
  );
  return <UndoContext.Provider value={undo.controls}>{page}</UndoContext.Provider>;
}
