import { describe, expect, it } from 'vitest';
import { currentStep, guideSteps, type GuideMarks, type SampleProgress } from './guide-steps';

const draft: SampleProgress = { status: 'draft', toRate: 4, signedReports: 0, needsReviewer: false };
const nothingSeen: GuideMarks = { lookedAtScore: false, openedReport: false };

describe('the guided sample steps', () => {
  it('has seven steps, with the hand-over to a reviewer between the report and signing', () => {
    expect(guideSteps).toEqual(['rate', 'score', 'submit', 'report', 'review', 'sign', 'done']);
  });

  it('walks rate → score → submit → report → sign → done as the sample changes', () => {
    expect(currentStep(draft, nothingSeen)).toBe('rate');
    expect(currentStep({ ...draft, toRate: 1 }, nothingSeen)).toBe('rate');
    expect(currentStep({ ...draft, toRate: 0 }, nothingSeen)).toBe('score');
    expect(currentStep({ ...draft, toRate: 0 }, { ...nothingSeen, lookedAtScore: true })).toBe('submit');
    expect(currentStep({ ...draft, toRate: 0, status: 'submitted' }, { ...nothingSeen, lookedAtScore: true })).toBe('report');
    expect(currentStep({ ...draft, toRate: 0, status: 'submitted' }, { lookedAtScore: true, openedReport: true })).toBe('sign');
    expect(
      currentStep({ status: 'finalised', toRate: 0, signedReports: 1, needsReviewer: false }, { lookedAtScore: true, openedReport: true }),
    ).toBe('done');
  });

  it('never sends the user back to a step that later work has settled', () => {
    // Submitted without pressing "I have looked at the score".
    expect(currentStep({ ...draft, toRate: 0, status: 'submitted' }, nothingSeen)).toBe('report');
    // Finalised from the workspace, then the report opened: signing is next.
    expect(
      currentStep({ status: 'finalised', toRate: 0, signedReports: 0, needsReviewer: false }, { ...nothingSeen, openedReport: true }),
    ).toBe('sign');
    // Signed already (e.g. the guide reopened later): done, whatever the window remembers.
    expect(currentStep({ status: 'finalised', toRate: 0, signedReports: 2, needsReviewer: false }, nothingSeen)).toBe('done');
  });

  it('asks the submitter to hand over to a reviewer before signing, and moves on once the reviewer acts', () => {
    const submitted: SampleProgress = { status: 'submitted', toRate: 0, signedReports: 0, needsReviewer: true };
    const seen: GuideMarks = { lookedAtScore: true, openedReport: true };
    // The report comes first: the hand-over is explained once the user has seen what will be signed.
    expect(currentStep(submitted, { ...seen, openedReport: false })).toBe('report');
    expect(currentStep(submitted, seen)).toBe('review');
    // The reviewer's profile is on: they may finalise and sign.
    expect(currentStep({ ...submitted, needsReviewer: false }, seen)).toBe('sign');
    // Finalised (by the reviewer): signing, whoever is at the keyboard.
    expect(currentStep({ ...submitted, status: 'finalised' }, seen)).toBe('sign');
  });

  it('goes back to rating when the sample is returned to draft with units cleared', () => {
    expect(currentStep({ ...draft, toRate: 2 }, { lookedAtScore: true, openedReport: true })).toBe('rate');
  });
});
