import type { z } from 'zod';
import type { Issue } from './result';

/** What a refusal may say back, at most: the request is never echoed at length. */
export const ISSUE_BOUNDS = { issues: 10, messageLength: 160, pathSegments: 8, segmentLength: 48 } as const;

/**
 * Zod's complaints as the `Issue`s an `AppError` carries (field path + message key), for every place
 * that validates input: the dispatcher, and services that validate again (signing identities). A few
 * issues, each short — never the input itself at length (unknown keys, long values).
 */
export function issuesFromZod(error: z.ZodError): Issue[] {
  return error.issues.slice(0, ISSUE_BOUNDS.issues).map((i) => {
    const at = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    // Zod's own message lists every unknown key; the first one, shortened, is enough to find it.
    if (i.code === 'unrecognized_keys') return { path: boundedPath([...at, i.keys[0] ?? '']), message: 'validation.invalid' };
    return { path: boundedPath(at), message: boundedMessage(i.message) };
  });
}

/** A path as a refusal may carry it: the first segments, each shortened (a key can be a megabyte long). */
export function boundedPath(path: readonly (string | number)[]): (string | number)[] {
  return path
    .slice(0, ISSUE_BOUNDS.pathSegments)
    .map((p) => (typeof p === 'string' && p.length > ISSUE_BOUNDS.segmentLength ? `${p.slice(0, ISSUE_BOUNDS.segmentLength)}…` : p));
}

export function boundedMessage(message: string): string {
  return message.length > ISSUE_BOUNDS.messageLength ? `${message.slice(0, ISSUE_BOUNDS.messageLength)}…` : message;
}
