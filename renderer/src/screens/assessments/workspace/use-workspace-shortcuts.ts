import { useRef } from 'react';
import type { TFunction } from 'i18next';
import { maturityOffered } from '../../../../../shared/assessments/rules';
import type { AssessmentKind } from '../../../../../shared/assessments/schema';
import type { Framework } from '../../../../../shared/framework/schema';
import { missingFigures, ratingFromFigures, scoredFromFigures } from '../../../../../shared/scoring';
import { currentLanguage } from '../../../i18n';
import type { RatingStore } from '../model/rating-store';
import { unitDomId } from '../model/units';
import type { Unit, WorkspaceModel } from '../model/units';
import type { WorkspaceActions } from '../model/workspace-context';
import { noFilters, type Filters } from './FilterBar';
import { figureLabels, figuresText } from './figures-text';
import type { WorkspaceNavigation } from './use-workspace-navigation';
import { useShortcuts, type ShortcutHandlers } from './use-shortcuts';

export type WorkspaceTab = 'criteria' | 'missing' | 'actions';

interface WorkspaceShortcutsOptions {
  t: TFunction;
  framework: Framework;
  model: WorkspaceModel;
  store: RatingStore;
  kind: AssessmentKind;
  readOnly: boolean;
  view: WorkspaceTab;
  setView: (view: WorkspaceTab) => void;
  maturityLens: boolean;
  filtered: boolean;
  visible: readonly Unit[];
  setFilters: (filters: Filters) => void;
  navigation: WorkspaceNavigation;
  actions: WorkspaceActions;
  announce: (text: string) => void;
  toggleHelp: () => void;
  undo: (command: 'undo' | 'redo') => void;
}

/** The workspace's keyboard: rate, walk, jump between sections, reach the note, search, help, undo. */
export function useWorkspaceShortcuts(o: WorkspaceShortcutsOptions): void {
  const shortcuts = useRef<ShortcutHandlers>(null!);
  const { navigation: nav, model } = o;
  const currentUnit = () => (nav.currentRef.current === null ? undefined : model.unitByKey.get(nav.currentRef.current));

  /**
   * A rating key on a criterion scored from its figures records nothing: the keyboard stops at the
   * first missing figure and says which are missing, or, when all are there, says what the figures give.
   */
  const stopAtFigures = (unit: Unit) => {
    if (o.readOnly) return;
    const state = o.store.get(unit.key);
    const missing = missingFigures(unit.criterion, state.data);
    const criterion = unit.criterion.id;
    const language = currentLanguage();
    if (state.rating !== 'na' && missing.length > 0) {
      document.getElementById(`${unitDomId(unit)}-data-${missing[0]}`)?.focus();
      o.announce(o.t('assessments.figures.keyRefused', { criterion, fields: figureLabels(unit.criterion, missing, language) }));
      return;
    }
    const verdict = ratingFromFigures(unit.criterion, state.rating, state.data, o.framework.rules);
    const shown = figuresText(o.t, unit.criterion, verdict, o.framework.rules, language);
    o.announce(`${o.t('assessments.figures.keyCounts', { criterion, rating: shown.counts })} ${shown.why}`);
  };

  shortcuts.current = {
    digit(value) {
      const unit = currentUnit();
      if (unit === undefined || o.view !== 'criteria') return;
      if (scoredFromFigures(unit.criterion)) stopAtFigures(unit);
      else if (o.maturityLens && maturityOffered(o.framework, unit.group.id, o.kind)) o.actions.setMaturity(unit.key, value);
      else if (value <= 3) o.actions.rate(unit.key, value as 0 | 1 | 2 | 3);
    },
    notApplicable() {
      if (nav.currentRef.current !== null && o.view === 'criteria') o.actions.rate(nav.currentRef.current, 'na');
    },
    move(delta) {
      if (o.view !== 'criteria') return;
      // Without a filter the walk goes through every unit in order, so it carries on into the next section.
      const list = (o.filtered ? o.visible : model.units).filter((u) => u.applicable);
      const at = currentUnit();
      const i = list.findIndex((u) => u.key === at?.key);
      const next: Unit | undefined =
        i >= 0
          ? list[i + delta]
          : delta > 0
            ? list.find((u) => (at?.index ?? -1) < u.index)
            : list.findLast((u) => u.index < (at?.index ?? Infinity));
      if (next !== undefined) nav.goTo(next);
    },
    moveSection(delta) {
      const s = model.sections.findIndex((x) => x.id === nav.sectionId);
      const target = model.sections[s + delta];
      if (target === undefined) return;
      o.setFilters(noFilters);
      o.setView('criteria');
      nav.openSection(target.id);
    },
    focusNote() {
      const unit = currentUnit();
      if (unit !== undefined && !o.readOnly) document.getElementById(`${unitDomId(unit)}-note`)?.focus();
    },
    back() {
      const unit = currentUnit();
      if (unit !== undefined) document.getElementById(unitDomId(unit))?.focus();
    },
    focusSearch: () => document.getElementById('criteria-search')?.focus(),
    toggleHelp: o.toggleHelp,
    undo: () => o.undo('undo'),
    redo: () => o.undo('redo'),
  };
  useShortcuts(shortcuts);
}
