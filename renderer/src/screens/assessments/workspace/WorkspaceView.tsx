import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { maturityOffered, ratingFromMaturity, submissionBlockers } from '../../../../../shared/assessments/rules';
import type { Assessment, Rating, RatingPatch } from '../../../../../shared/assessments/schema';
import { scopeOf, unitKey } from '../../../../../shared/assessments/scope';
import { itemsForUnit } from '../../../../../shared/evidence/coverage';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { classifyFinding, missingFigures, ratingFromFigures, scoreAssessment, scoredFromFigures } from '../../../../../shared/scoring';
import type { RatingAnswer } from '../../../../../shared/scoring';
import type { LoadedFramework } from '../model/framework-cache';
import { stepFor } from '../model/undo-history';
import { buildModel, unitDomId } from '../model/units';
import type { Unit } from '../model/units';
import { WorkspaceContext } from './context';
import type { WorkspaceActions, WorkspaceContextValue } from './context';
import { CriteriaList } from './CriteriaList';
import { FilterBar, filtering, noFilters } from './FilterBar';
import type { Filters } from './FilterBar';
import { MissingView } from './MissingView';
import { UndoContext } from './SaveStatus';
import type { MissingItem } from './MissingView';
import { ScorePanel } from './ScorePanel';
import { SectionNavigator } from './SectionNavigator';
import { sectionStats } from './section-stats';
import { normaliseSearch, searchIndex } from './search';
import { ShortcutHelp } from './ShortcutHelp';
import { useShortcuts } from './use-shortcuts';
import type { ShortcutHandlers } from './use-shortcuts';
import { WorkspaceHeader } from './WorkspaceHeader';
import { useAutosave } from './use-autosave';
import { currentLanguage } from '../../../i18n';
import { CorrectiveActionsPanel } from './CorrectiveActionsPanel';
import { figureLabels, figuresText } from './figures-text';
import { useUndo } from './use-undo';
import { useEvidence } from '../evidence/evidence-store';

export interface WorkspaceViewProps {
  initial: Assessment;
  ratings: readonly Rating[];
  loaded: LoadedFramework;
  /** Effective answers of the institution's self-assessment (for an inspection), or null. */
  selfAnswers: ReadonlyMap<string, RatingAnswer> | null;
}

type View = 'criteria' | 'missing' | 'actions';

/** The checklist workspace: navigator, criteria, live score, autosave and keyboard work. */
export function WorkspaceView({ initial, ratings, loaded, selfAnswers }: WorkspaceViewProps) {
  const { t } = useTranslation();
  const framework = loaded.framework;
  const [assessment, setAssessment] = useState(initial);
  const readOnly = assessment.status !== 'draft';
  const scope = useMemo(() => scopeOf(initial.programmes), [initial.programmes]);
  const model = useMemo(() => buildModel(framework, scope, initial.programmes), [framework, scope, initial.programmes]);

  const { store, queue, recovered, settle } = useAutosave(initial, ratings, model);

  const version = useSyncExternalStore(store.subscribeScore, () => store.scoreVersion);
  const deferredVersion = useDeferredValue(version);
  const score = useMemo(() => scoreAssessment(framework, scope, store.entries()), [framework, scope, store, deferredVersion]);
  const stats = useMemo(() => sectionStats(model, score), [model, score]);
  const scored = useMemo(() => new Map(score.items.map((i) => [unitKey(i.criterionId, i.programmeId), i])), [score]);
  const index = useMemo(() => searchIndex(model.units), [model]);

  const firstToDo = (units: readonly Unit[]) =>
    units.find((u) => u.applicable && scored.get(u.key)?.status === 'unanswered') ?? units.find((u) => u.applicable) ?? null;
  const [current, setCurrent] = useState<string | null>(() => firstToDo(model.units)?.key ?? null);
  const [sectionId, setSectionId] = useState<string | null>(() =>
    current === null ? (model.sections[0]?.id ?? null) : model.unitByKey.get(current)!.sectionId,
  );
  // The shortcuts read the current unit from a ref: two key presses can arrive before React renders.
  const currentRef = useRef(current);
  currentRef.current = current;
  const [filters, setFiltersState] = useState<Filters>(noFilters);
  const [keep, setKeep] = useState<string | null>(null);
  const [view, setView] = useState<View>('criteria');
  const [helpOpen, setHelpOpen] = useState(false);
  const [maturityLens, setMaturityLens] = useState(false);
  const [refusal, setRefusal] = useState<AppErrorData | null>(null);
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const focusRequest = useRef<{ key: string; field?: 'note' | 'na' } | null>(null);
  const filtered = filtering(filters);

  const setFilters = (next: Filters) => {
    setFiltersState(next);
    setKeep(null);
  };

  const isNonConformity = useCallback(
    (u: Unit) => {
      const item = scored.get(u.key);
      if (item?.status !== 'rated' || item.rating === null) return false;
      const c = classifyFinding(item.rating, u.critical);
      return c === 'critical' || c === 'major' || c === 'minor';
    },
    [scored],
  );
  const isChanged = useCallback(
    (u: Unit) => {
      const self = selfAnswers?.get(u.key) ?? null;
      const item = scored.get(u.key);
      const mine = item === undefined ? null : item.status === 'rated' ? item.rating : item.status === 'na' ? 'na' : null;
      return self !== null && mine !== null && self !== mine;
    },
    [scored, selfAnswers],
  );

  // Typing in the search box stays quick: the list follows a moment later.
  const deferredSearch = useDeferredValue(filters.search);
  const visible: Unit[] = useMemo(() => {
    if (!filtered) return model.sectionById.get(sectionId ?? '')?.units ?? [];
    const q = normaliseSearch(deferredSearch);
    return model.units.filter((u) => {
      if (u.key === keep) return true;
      if (filters.unanswered && (!u.applicable || scored.get(u.key)?.status !== 'unanswered')) return false;
      if (filters.critical && !(u.critical && u.applicable)) return false;
      if (filters.nonConformities && !isNonConformity(u)) return false;
      if (filters.changed && !isChanged(u)) return false;
      return q === '' || (index.get(u.key) ?? '').includes(q);
    });
  }, [filtered, filters, deferredSearch, model, sectionId, keep, scored, index, isNonConformity, isChanged]);

  const counts = useMemo(
    () => ({
      unanswered: score.counts.unanswered,
      critical: model.units.filter((u) => u.critical && u.applicable).length,
      nonConformities: model.units.filter(isNonConformity).length,
      changed: selfAnswers === null ? 0 : model.units.filter(isChanged).length,
    }),
    [score, model, isNonConformity, isChanged, selfAnswers],
  );

  // An attached file counts as evidence seen (shared/evidence/card-evidence.ts), here as on the card.
  const evidence = useEvidence(initial.id);
  const missing: MissingItem[] = useMemo(() => {
    if (view !== 'missing') return [];
    const items: MissingItem[] = submissionBlockers(framework, scope, store.rows());
    for (const u of model.units) {
      const item = scored.get(u.key);
      const link = { criterionId: u.criterion.id, programmeId: u.programmeId };
      const noneSeen = store.get(u.key).evidenceSeen.length === 0 && itemsForUnit(evidence.items, link).length === 0;
      if (item?.status === 'rated' && noneSeen && u.criterion.outcome === undefined) {
        items.push({ criterionId: u.criterion.id, programmeId: u.programmeId, code: 'noEvidence' });
      }
    }
    return items;
  }, [view, framework, scope, store, model, scored, evidence.items]);

  const announce = (text: string) => setAnnouncement((a) => ({ text, n: a.n + 1 }));
  const latest = useRef({ readOnly, filtered, t, announce });
  latest.current = { readOnly, filtered, t, announce };

  // Every change, an undo too, goes the same way: the store, then autosave (and its journal).
  const apply = useCallback(
    (key: string, patch: RatingPatch, delayMs: number) => {
      store.update(key, patch);
      queue.enqueue(key, patch, delayMs);
      if (latest.current.filtered && (patch.rating !== undefined || patch.data !== undefined)) setKeep(key);
    },
    [store, queue],
  );
  const undo = useUndo({
    store,
    queue,
    model,
    severalProgrammes: initial.programmes.length > 1,
    readOnly,
    status: assessment.status,
    apply,
    // The unit stays in the list shown where it can; otherwise the filters give way.
    reveal: (unit) => (view === 'criteria' && (!filtered || visible.some((u) => u.key === unit.key)) ? goTo(unit) : jump(unit.key)),
  });
  const history = undo.history;

  const actions: WorkspaceActions = useMemo(() => {
    const change = (key: string, patch: RatingPatch, delayMs: number) => {
      if (latest.current.readOnly) return;
      // Typing in a note, an N/A reason or the data becomes one undo step when the field is left.
      if (patch.note !== undefined || patch.naReason !== undefined || patch.data !== undefined) history.beginEdit(key, store.get(key));
      apply(key, patch, delayMs);
    };
    /** A rating chosen is one undo step. */
    const changeRating = (key: string, patch: RatingPatch) => {
      const before = store.get(key);
      change(key, patch, 0);
      history.record(stepFor(key, 'rating', before, store.get(key)));
    };
    return {
      change,
      rate(key, value) {
        const unit = model.unitByKey.get(key);
        if (latest.current.readOnly || unit === undefined || !unit.applicable) return;
        if (value === 'na' && unit.critical) return latest.current.announce(latest.current.t('assessments.rules.naNotAllowed'));
        // Scored from its figures: a typed 0–3 would not count (the services refuse it too).
        if (typeof value === 'number' && scoredFromFigures(unit.criterion)) return;
        const patch: RatingPatch = { rating: value };
        const maturity = store.get(key).maturity;
        // The services clear a maturity level that no longer matches the rating; do the same on screen.
        if (maturity !== null && ratingFromMaturity(framework, maturity) !== value) patch.maturity = null;
        changeRating(key, patch);
        if (value === 'na' && store.get(key).naReason.trim() === '') focusRequest.current = { key, field: 'na' };
      },
      setMaturity(key, level) {
        const rating = ratingFromMaturity(framework, level);
        if (rating !== null) changeRating(key, { maturity: level, rating });
      },
      flush(key) {
        history.endEdit(key, store.get(key));
        queue.flush(key);
      },
      setCurrent(key) {
        currentRef.current = key;
        setCurrent(key);
        const unit = model.unitByKey.get(key);
        if (unit !== undefined) setSectionId(unit.sectionId);
      },
    };
  }, [store, queue, model, framework, history, apply]);

  const context: WorkspaceContextValue = useMemo(
    () => ({
      framework,
      model,
      store,
      actions,
      kind: initial.kind,
      institutionId: initial.institutionId,
      programmes: initial.programmes,
      evidenceLabels: new Map(framework.evidenceTypes.map((e) => [e.code, e.label])),
    }),
    [framework, model, store, actions, initial.kind, initial.institutionId, initial.programmes],
  );

  // Bumped with every focus request, so the focus effect runs even when the unit was already current.
  const [, setFocusTick] = useState(0);
  const goTo = (unit: Unit, field?: 'note' | 'na') => {
    currentRef.current = unit.key;
    setSectionId(unit.sectionId);
    setCurrent(unit.key);
    focusRequest.current = { key: unit.key, field };
    setFocusTick((n) => n + 1);
  };
  const jump = (key: string) => {
    const unit = model.unitByKey.get(key);
    if (unit === undefined) return;
    setFilters(noFilters);
    setView('criteria');
    goTo(unit);
  };

  /**
   * A rating key on a criterion scored from its figures records nothing: the keyboard stops at the
   * first missing figure and says which are missing, or, when all are there, says what the figures give.
   */
  const stopAtFigures = (unit: Unit) => {
    if (readOnly) return;
    const state = store.get(unit.key);
    const missing = missingFigures(unit.criterion, state.data);
    const criterion = unit.criterion.id;
    const language = currentLanguage();
    if (state.rating !== 'na' && missing.length > 0) {
      document.getElementById(`${unitDomId(unit)}-data-${missing[0]}`)?.focus();
      announce(t('assessments.figures.keyRefused', { criterion, fields: figureLabels(unit.criterion, missing, language) }));
      return;
    }
    const verdict = ratingFromFigures(unit.criterion, state.rating, state.data, framework.rules);
    const shown = figuresText(t, unit.criterion, verdict, framework.rules, language);
    announce(`${t('assessments.figures.keyCounts', { criterion, rating: shown.counts })} ${shown.why}`);
  };

  const shortcuts = useRef<ShortcutHandlers>(null!);
  shortcuts.current = {
    digit(value) {
      const unit = currentRef.current === null ? undefined : model.unitByKey.get(currentRef.current);
      if (unit === undefined || view !== 'criteria') return;
      if (scoredFromFigures(unit.criterion)) stopAtFigures(unit);
      else if (maturityLens && maturityOffered(framework, unit.group.id, initial.kind)) actions.setMaturity(unit.key, value);
      else if (value <= 3) actions.rate(unit.key, value as 0 | 1 | 2 | 3);
    },
    notApplicable() {
      if (currentRef.current !== null && view === 'criteria') actions.rate(currentRef.current, 'na');
    },
    move(delta) {
      if (view !== 'criteria') return;
      // Without a filter the walk goes through every unit in order, so it carries on into the next section.
      const list = (filtered ? visible : model.units).filter((u) => u.applicable);
      const at = currentRef.current === null ? undefined : model.unitByKey.get(currentRef.current);
      const i = list.findIndex((u) => u.key === at?.key);
      const next: Unit | undefined =
        i >= 0
          ? list[i + delta]
          : delta > 0
            ? list.find((u) => (at?.index ?? -1) < u.index)
            : list.findLast((u) => u.index < (at?.index ?? Infinity));
      if (next !== undefined) goTo(next);
    },
    moveSection(delta) {
      const s = model.sections.findIndex((x) => x.id === sectionId);
      const target = model.sections[s + delta];
      if (target === undefined) return;
      setFilters(noFilters);
      setView('criteria');
      const unit = firstToDo(target.units);
      if (unit !== null) goTo(unit);
      else setSectionId(target.id);
    },
    focusNote() {
      const unit = currentRef.current === null ? undefined : model.unitByKey.get(currentRef.current);
      if (unit !== undefined && !readOnly) document.getElementById(`${unitDomId(unit)}-note`)?.focus();
    },
    back() {
      const unit = currentRef.current === null ? undefined : model.unitByKey.get(currentRef.current);
      if (unit !== undefined) document.getElementById(unitDomId(unit))?.focus();
    },
    focusSearch: () => document.getElementById('criteria-search')?.focus(),
    toggleHelp: () => setHelpOpen((o) => !o),
    undo: () => undo.run('undo'),
    redo: () => undo.run('redo'),
  };
  useShortcuts(shortcuts);

  // Focus follows the keyboard: after a move, the new current criterion (or one of its fields) has focus.
  useEffect(() => {
    const request = focusRequest.current;
    if (request === null) return;
    const unit = model.unitByKey.get(request.key);
    const el = unit === undefined ? null : document.getElementById(`${unitDomId(unit)}${request.field ? `-${request.field}` : ''}`);
    if (el !== null) {
      focusRequest.current = null;
      el.focus();
    }
  });

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

  const section = filtered ? null : (model.sectionById.get(sectionId ?? '') ?? null);
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
              stats={stats}
              activeId={filtered || view !== 'criteria' ? null : sectionId}
              onSelect={(id) => {
                setFilters(noFilters);
                setView('criteria');
                const target = model.sectionById.get(id)!;
                const unit = firstToDo(target.units);
                if (unit !== null) goTo(unit);
                else setSectionId(id);
              }}
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
                <FilterBar filters={filters} counts={counts} canCompare={selfAnswers !== null} onChange={setFilters} />
                {maturityHere ? (
                  <label className="checkbox maturity-toggle">
                    <input type="checkbox" checked={maturityLens} onChange={(e) => setMaturityLens(e.target.checked)} />
                    {t('assessments.card.maturityLens')}
                  </label>
                ) : null}
                <CriteriaList
                  key={
                    filtered
                      ? `filter:${filters.unanswered}${filters.critical}${filters.nonConformities}${filters.changed}:${deferredSearch}`
                      : `section:${sectionId}`
                  }
                  framework={framework}
                  kind={initial.kind}
                  section={section}
                  units={visible}
                  current={current}
                  readOnly={readOnly}
                  maturityLens={maturityLens}
                  selfAnswers={selfAnswers}
                />
              </>
            ) : view === 'missing' ? (
              <MissingView
                model={model}
                kind={initial.kind}
                items={missing}
                answered={score.counts.answered}
                total={score.counts.total}
                programmes={initial.programmes}
                onJump={jump}
              />
            ) : (
              <CorrectiveActionsPanel assessment={assessment} framework={framework} />
            )}
          </div>
          <aside className="workspace__score">
            <ScorePanel score={score} final={assessment.status === 'finalised'} framework={framework} programmes={initial.programmes} />
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
