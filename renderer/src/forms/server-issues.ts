import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { AppErrorData } from '../../../shared/ipc/result';

/**
 * Puts validation issues from the services on the form fields they belong to. `prefix` strips the
 * request envelope (e.g. `input` in `{ id, revision, input }`). Returns the issues that fit no field.
 */
export function applyServerIssues<T extends FieldValues>(
  error: AppErrorData,
  setError: UseFormSetError<T>,
  fieldNames: readonly string[],
  prefix: readonly (string | number)[] = [],
): string[] {
  const unplaced: string[] = [];
  for (const issue of error.issues ?? []) {
    const path = issue.path.slice(prefix.length);
    const [field] = path;
    if (typeof field === 'string' && fieldNames.includes(field)) {
      setError(field as Path<T>, { type: 'server', message: issue.message }, { shouldFocus: true });
    } else {
      unplaced.push(issue.message);
    }
  }
  return unplaced;
}
