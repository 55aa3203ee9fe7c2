import type { z } from 'zod';
import type { Problem } from './problem';

type Issue = z.core.$ZodIssue;

/**
 * Turns zod issues into Problems with our own stable codes, so the UI's translations do not depend on
 * zod's wording or on its issue codes changing between versions.
 */
export function problemsFromZodIssues(issues: readonly Issue[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ path: [...path, key], code: 'unknown-key', message: `Unknown key "${clip(key)}".` });
      }
      continue;
    }
    problems.push(problemFromIssue(issue, path));
  }
  return problems;
}

function problemFromIssue(issue: Issue, path: (string | number)[]): Problem {
  // validateFramework parses with reportInput, so an issue whose input is undefined is a missing key.
  if ('input' in issue && issue.input === undefined && issue.code !== 'unrecognized_keys') {
    return { path: discriminatorPath(issue, path), code: 'required', message: 'This value is required.' };
  }
  switch (issue.code) {
    case 'invalid_type':
      return { path, code: 'invalid-type', message: `Expected ${issue.expected}.` };
    case 'too_big':
      if (issue.origin === 'array') return { path, code: 'too-many', message: `At most ${issue.maximum} items are allowed.` };
      if (issue.origin === 'string') return { path, code: 'too-long', message: `At most ${issue.maximum} characters are allowed.` };
      return { path, code: 'too-large', message: `Must be at most ${issue.maximum}.` };
    case 'too_small':
      if (issue.origin === 'array') return { path, code: 'too-few', message: `At least ${issue.minimum} items are required.` };
      if (issue.origin === 'string') return { path, code: 'empty-text', message: 'This text must not be empty.' };
      return { path, code: 'too-small', message: `Must be at least ${issue.minimum}.` };
    case 'invalid_format':
      return { path, code: 'invalid-format', message: 'This value does not have the required form.' };
    case 'invalid_value':
      return { path, code: 'invalid-value', message: `Must be one of: ${issue.values.map(String).join(', ')}.` };
    case 'invalid_union':
      if (issue.discriminator !== undefined) {
        const options = 'options' in issue ? (issue.options ?? []) : [];
        return {
          path: discriminatorPath(issue, path),
          code: 'invalid-value',
          message: `Must be one of: ${options.map(String).join(', ')}.`,
        };
      }
      return { path, code: 'invalid-value', message: 'This value matches none of the allowed forms.' };
    default:
      return { path, code: 'invalid-value', message: 'This value is not valid.' };
  }
}

/** zod 4 already ends the path of a discriminator issue with the discriminator key; older versions did not. */
function discriminatorPath(issue: Issue, path: (string | number)[]): (string | number)[] {
  if (issue.code !== 'invalid_union' || issue.discriminator === undefined) return path;
  return path[path.length - 1] === issue.discriminator ? path : [...path, issue.discriminator];
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
