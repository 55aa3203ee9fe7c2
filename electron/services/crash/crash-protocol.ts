/**
 * What the crash worker tells the test, one JSON line per event on stdout. An intent is printed before a
 * write starts and an acknowledgement only after it has committed: the test may then kill the worker at
 * any moment and still know which writes were promised to the user (acknowledged: they must be there)
 * and which were in flight (intended, not acknowledged: they may or may not be there).
 */
export type CrashWrite =
  | {
      kind: 'rating';
      assessmentId: string;
      criterionId: string;
      programmeId: string | null;
      rating: number;
      /** The note starts with this token, unique to the write, and is `noteLength` characters long. */
      token: string;
      noteLength: number;
    }
  /** The person acting (the four-eyes rule needs another name to finalise an inspection). */
  | { kind: 'user'; userName: string }
  | { kind: 'attach'; assessmentId: string; sha256s: string[]; bytes: number }
  | { kind: 'remove'; assessmentId: string; itemId: string }
  | { kind: 'submit' | 'return' | 'countersign' | 'finalise' | 'reopen'; assessmentId: string }
  | { kind: 'sign'; assessmentId: string }
  | { kind: 'import'; fileName: string };

/** What a committed write produced, for the checks that follow. */
export interface CrashResult {
  itemIds?: string[];
  newAssessmentId?: string;
  sha256?: string;
  packageId?: string;
}

export type CrashLine =
  /** Milliseconds from the process start to its modules loaded, and to the services open. */
  | { t: 'ready'; pid: number; loadedMs: number; openedMs: number }
  | { t: 'intent'; n: number; write: CrashWrite }
  | { t: 'ack'; n: number; result: CrashResult }
  /** A write the services refused or that threw: never expected, so the test fails with the message. */
  | { t: 'failed'; n: number; message: string };

export interface CrashWorkerConfig {
  dataDir: string;
  seed: number;
  bundledFrameworksDir: string;
  /** The institution whose inspection the worker drives through its workflow. */
  institutionId: string;
  /** A finalised self-assessment that can always be signed. */
  signableAssessmentId: string;
  identityId: string;
  passphrase: string;
  /** Sign a report first (slow: headless Chromium); otherwise the quick writes only. */
  signFirst: boolean;
  /** Package files exported up front (named uniquely), each imported at most once per data folder. */
  packages: string[];
}
