import { describe, expect, it } from 'vitest';
import { divisions } from '../institutions/reference-data';
import { countries, districts, findListEntry, iscoGroups, languages, listCode, listName, listNames, occupationName } from './index';

describe('closed lists with Bangla names', () => {
  it('have the 64 districts of Bangladesh in its 8 divisions, each with a Bangla name and a unique code', () => {
    expect(districts).toHaveLength(64);
    expect(new Set(districts.map((d) => d.code)).size).toBe(64);
    expect(new Set(districts.map((d) => d.division))).toEqual(new Set(divisions));
    const perDivision = Object.fromEntries(divisions.map((v) => [v, districts.filter((d) => d.division === v).length]));
    expect(perDivision).toEqual({ barishal: 6, chattogram: 11, dhaka: 13, khulna: 10, mymensingh: 4, rajshahi: 8, rangpur: 8, sylhet: 4 });
    for (const d of districts) expect(d.bn, d.code).toMatch(/^[\u0980-\u09FF\s-]+$/);
  });

  it('have every EU and EEA country, and the languages, with Bangla names', () => {
    expect(countries.filter((c) => c.group === 'eu')).toHaveLength(27);
    expect(countries.filter((c) => c.group === 'eea').map((c) => c.code)).toEqual(['IS', 'LI', 'NO']);
    for (const e of [...countries, ...languages, ...iscoGroups]) expect(e.bn, e.code).toMatch(/[\u0980-\u09FF]/);
    expect(new Set(countries.map((c) => c.code)).size).toBe(countries.length);
    expect(new Set(languages.map((c) => c.code)).size).toBe(languages.length);
  });

  it('show a stored code in the user’s language, and map older free text (names, old spellings) to its code', () => {
    expect(listName('country', 'DE', 'bn')).toBe('জার্মানি');
    expect(listName('country', 'DE', 'en')).toBe('Germany');
    expect(listCode('country', 'Germany')).toBe('DE');
    expect(listCode('country', ' germany ')).toBe('DE');
    expect(listCode('country', 'জার্মানি')).toBe('DE');
    expect(listName('language', 'German', 'bn')).toBe('জার্মান');
    expect(listCode('district', 'Chittagong')).toBe('chattogram');
    expect(listCode('district', 'Cox’s Bazar')).toBe('coxs-bazar');
    expect(listName('district', 'Comilla', 'bn')).toBe('কুমিল্লা');
    expect(listNames('district', 'gazipur')).toEqual({ en: 'Gazipur', bn: 'গাজীপুর' });
  });

  it('show free text the lists do not know as it was typed, in both languages', () => {
    expect(findListEntry('country', 'Atlantis')).toBeNull();
    expect(listName('country', 'Atlantis', 'bn')).toBe('Atlantis');
    expect(listNames('district', 'Old Town')).toEqual({ en: 'Old Town', bn: 'Old Town' });
    expect(listName('country', '', 'bn')).toBe('');
  });

  it('give an occupation its Bangla ISCO-08 title in Bangla, and keep the typed title otherwise', () => {
    expect(occupationName('Welder', '7212', 'bn')).toBe('ওয়েল্ডার ও ফ্লেম কাটার');
    expect(occupationName('Welder', '7212', 'en')).toBe('Welder');
    expect(occupationName('Beekeeper', '6123', 'bn')).toBe('Beekeeper');
  });
});
