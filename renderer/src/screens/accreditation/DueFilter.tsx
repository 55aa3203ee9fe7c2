import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../../../../shared/accreditation/schema';
import { useRequest } from '../../data/use-request';
import { formatDate } from '../assessments/model/dates';
import { DueTag } from './CycleFacts';
import './accreditation.css';

export const dueFilters = ['all', 'due-soon', 'overdue', 'never'] as const;
export type DueFilter = (typeof dueFilters)[number];

/** Every institution's standing (its latest finalised inspection), by institution id; null while loading. */
export function useStandings(): ReadonlyMap<string, Cycle> | null {
  const { value } = useRequest('accreditation:standings', {});
  return useMemo(() => (value ? new Map(value.items.map((i) => [i.institutionId, i.cycle])) : null), [value]);
}

/** Whether an institution with this standing (undefined: never inspected) passes the filter. */
export function matchesDue(filter: DueFilter, cycle: Cycle | undefined): boolean {
  if (filter === 'all') return true;
  if (filter === 'never') return cycle === undefined;
  return cycle?.dueState === filter;
}

/** Orders by next due date, soonest (most overdue) first; never inspected last. */
export function byNextDue(a: Cycle | undefined, b: Cycle | undefined): number {
  return (a?.nextDue ?? '9999') < (b?.nextDue ?? '9999') ? -1 : (a?.nextDue ?? '9999') > (b?.nextDue ?? '9999') ? 1 : 0;
}

export function DueFilterField({ value, onChange }: { value: DueFilter; onChange: (next: DueFilter) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="due-filter">{t('accreditation.filter.label')}</label>
      <select id="due-filter" value={value} onChange={(e) => onChange(e.target.value as DueFilter)}>
        {dueFilters.map((f) => (
          <option key={f} value={f}>
            {t(`accreditation.filter.${f}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The "Next inspection" cell: the due date with its state, or "Never inspected". */
export function DueCell({ cycle }: { cycle: Cycle | undefined }) {
  const { t } = useTranslation();
  if (cycle === undefined) return <span className="secondary">{t('accreditation.never')}</span>;
  return (
    <span data-testid="due-cell" data-due-state={cycle.dueState}>
      {formatDate(cycle.nextDue)} <DueTag state={cycle.dueState} />
    </span>
  );
}
