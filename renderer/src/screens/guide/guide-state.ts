import { useSyncExternalStore } from 'react';
import type { SampleAssessment } from '../../../../shared/sample/contract';

/**
 * The guide's own state: which sample it follows and the two steps the data cannot show (the user
 * looked at the score, opened the report). It belongs to this window, not to the data, so it lives in
 * localStorage; everything else the guide shows is read from the services.
 */
export interface GuideState {
  active: boolean;
  institutionId: string;
  assessmentId: string;
  lookedAtScore: boolean;
  openedReport: boolean;
}

const storageKey = 'tvet-inspector.sample-guide';
const listeners = new Set<() => void>();
let cached: { raw: string | null; state: GuideState | null } = { raw: null, state: null };
/** Where the state is kept when the window's storage is switched off. */
let memory: string | null = null;

function read(): GuideState | null {
  let raw: string | null;
  try {
    raw = window.localStorage.getItem(storageKey);
  } catch {
    // Storage can be switched off; the guide then lasts as long as the window.
    raw = memory;
  }
  if (raw !== cached.raw) cached = { raw, state: parse(raw) };
  return cached.state;
}

function parse(raw: string | null): GuideState | null {
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<GuideState>;
    if (typeof value.assessmentId !== 'string' || typeof value.institutionId !== 'string') return null;
    return {
      active: value.active === true,
      institutionId: value.institutionId,
      assessmentId: value.assessmentId,
      lookedAtScore: value.lookedAtScore === true,
      openedReport: value.openedReport === true,
    };
  } catch {
    return null;
  }
}

function write(state: GuideState): void {
  const raw = JSON.stringify(state);
  try {
    window.localStorage.setItem(storageKey, raw);
  } catch {
    memory = raw;
  }
  for (const listener of listeners) listener();
}

export function useGuideState(): GuideState | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, read);
}

/** Starts the guide on a sample, from the first step the data does not already show as done. */
export function openGuide(sample: Pick<SampleAssessment, 'institutionId' | 'assessmentId'>): void {
  const current = read();
  const same = current?.assessmentId === sample.assessmentId;
  write({
    active: true,
    institutionId: sample.institutionId,
    assessmentId: sample.assessmentId,
    lookedAtScore: same && current.lookedAtScore,
    openedReport: same && current.openedReport,
  });
}

export function updateGuide(change: Partial<Omit<GuideState, 'institutionId' | 'assessmentId'>>): void {
  const current = read();
  if (current !== null) write({ ...current, ...change });
}
