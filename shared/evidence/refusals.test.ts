import { describe, expect, it } from 'vitest';
import { fill, megabytes, parseRefusal, refusal, refusalInEnglish } from './refusals';

describe('evidence refusals', () => {
  it('carry their values through a catalogue key, whatever the file name holds', () => {
    const message = refusal('fileTooLarge', { name: 'a:b=c%.jpg', size: '30.2', limit: 25 });
    expect(parseRefusal(message)).toEqual({ key: 'fileTooLarge', params: { name: 'a:b=c%.jpg', size: '30.2', limit: '25' } });
    expect(refusalInEnglish(message)).toBe('“a:b=c%.jpg” is 30.2 MB; the limit per file is 25 MB.');
    expect(parseRefusal('evidence.refused.noSuchKey')).toBeNull();
    expect(parseRefusal('Plain text')).toBeNull();
    expect(refusalInEnglish('Plain text')).toBe('Plain text');
  });

  it('fills placeholders and formats megabytes', () => {
    expect(fill('{{a}} and {{b}}', { a: 1 })).toBe('1 and {{b}}');
    expect(megabytes(25 * 1024 * 1024)).toBe('25');
    expect(megabytes(1.24 * 1024 * 1024)).toBe('1.2');
    expect(megabytes(25 * 1024 * 1024 + 1, 'up')).toBe('25.1');
  });
});
