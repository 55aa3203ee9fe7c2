import { describe, expect, it } from 'vitest';
import { applyServerIssues } from './server-issues';

describe('service validation issues on form fields', () => {
  it('puts each issue on its field, strips the request envelope, and returns the rest', () => {
    const placed: [string, string][] = [];
    const setError = ((name: string, error: { message?: string }) => placed.push([name, error.message ?? ''])) as never;
    const rest = applyServerIssues(
      {
        code: 'validation',
        message: 'The request is not valid.',
        issues: [
          { path: ['input', 'nameEn'], message: 'validation.required' },
          { path: ['input', 'contactEmail'], message: 'validation.email' },
          { path: ['revision'], message: 'Invalid input' },
        ],
      },
      setError,
      ['nameEn', 'contactEmail'],
      ['input'],
    );
    expect(placed).toEqual([
      ['nameEn', 'validation.required'],
      ['contactEmail', 'validation.email'],
    ]);
    expect(rest).toEqual(['Invalid input']);
  });
});
