import { z } from 'zod';

/**
 * Errors cross the process boundary as data, never as thrown exceptions: Electron keeps only the
 * message of a thrown error, and the renderer needs the code and field paths to show a useful message.
 * The set of codes is closed so the UI can translate every one. `forbidden`: the acting person's role
 * or part in an assessment does not allow the step (shared/settings/roles.ts).
 */
export const errorCodes = [
  'validation',
  'not-found',
  'conflict',
  'locked',
  'io',
  'signing',
  'unauthorized',
  'forbidden',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const issueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  /** A message key from the shared catalogue (e.g. `validation.required`) or plain English. */
  message: z.string(),
});
export type Issue = z.infer<typeof issueSchema>;

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  issues: z.array(issueSchema).optional(),
});
export type AppErrorData = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Thrown inside services; the dispatcher turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[] | undefined;
  constructor(code: ErrorCode, message: string, issues?: Issue[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }
  toData(): AppErrorData {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}
