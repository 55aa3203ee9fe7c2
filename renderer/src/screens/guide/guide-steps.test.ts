import { describe, expect, it } from 'vitest';
import { currentStep, type GuideMarks, type SampleProgress } from './guide-steps';

const draft: SampleProgress = { status: 'draft', toRate: 4, signedReports: 0 };
const nothingSeen: GuideMarks = { lookedAtScore: false, openedReport: false };

describe('the guided sample steps', () => {
  it('walks rate → score → submit → report → sign → done as the sample changes', () => {
    expect(currentStep(draft, nothingSeen)).toBe('rate');
    expect(currentStep({ ...draft, toRate: 1 }, nothingSeen)).toBe('rate');
    expect(currentStep({ ...draft, toRate: 0 }, nothingSeen)).toBe('score');
    expect(currentStep({ ...draft, toRate: 0 }, { ...nothingSeen, lookedAtScore: true })).toBe('submit');
    expect(currentStep({ ...draft, toRate: 0, status: 'submitted' }, { ...nothingSeen, lookedAtScore: true })).toBe('report');
    expect(currentStep({ ...draft, toRate: 0, status: 'submitted' }, { lookedAtScore: true, openedReport: true })).toBe('sign');
    expect(currentStep({ status: 'finalised', toRate: 0, signedReports: 1 }, { lookedAtScore: true, openedReport: true })).toBe('done');
  });

  it('never sends the user back to a step that later work has settled', () => {
    // Submitted without pressing "I have looked at the score".
    expect(currentStep({ ...draft, toRate: 0, status: 'submitted' }, nothingSeen)).toBe('report');
    // Finalised from the workspace, then the report opened: signing is next.
    expect(currentStep({ status: 'finalised', toRate: 0, signedReports: 0 }, { ...nothingSeen, openedReport: true })).toBe('sign');
    // Signed already (e.g. the guide reopened later): done, whatever the window remembers.
    expect(currentStep({ status: 'finalised', toRate: 0, signedReports: 2 }, nothingSeen)).toBe('done');
  });

  it('goes back to rating when the sample is returned to draft with units cleared', () => {
    expect(currentStep({ ...draft, toRate: 2 }, { lookedAtScore: true, openedReport: true })).toBe('rate');
  });
});
