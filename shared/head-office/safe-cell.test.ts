import { describe, expect, it } from 'vitest';
import { safeCell } from './safe-cell';

describe('safeCell', () => {
  it('neutralises every text a spreadsheet would run: = + - @ tab and carriage return', () => {
    expect(safeCell('=HYPERLINK("http://evil.example","Click")')).toBe(`'=HYPERLINK("http://evil.example","Click")`);
    expect(safeCell('+1+1')).toBe(`'+1+1`);
    expect(safeCell('-2+3')).toBe(`'-2+3`);
    expect(safeCell('@SUM(A1:A9)')).toBe(`'@SUM(A1:A9)`);
    expect(safeCell('\t=1+1')).toBe(`'\t=1+1`);
    expect(safeCell('\r=1+1')).toBe(`'\r=1+1`);
  });

  it('leaves ordinary text, Bangla and inner signs alone', () => {
    expect(safeCell('Khulna TTC')).toBe('Khulna TTC');
    expect(safeCell('খুলনা কারিগরি প্রশিক্ষণ কেন্দ্র')).toBe('খুলনা কারিগরি প্রশিক্ষণ কেন্দ্র');
    expect(safeCell('A = B + C')).toBe('A = B + C');
    expect(safeCell('')).toBe('');
  });

  it('passes computed numbers through, negative ones too, and drops what is not a number', () => {
    expect(safeCell(-4.5)).toBe(-4.5);
    expect(safeCell(0)).toBe(0);
    expect(safeCell(Number.NaN)).toBe('');
    expect(safeCell(null)).toBe('');
    expect(safeCell(undefined)).toBe('');
  });
});
