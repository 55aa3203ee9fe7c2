import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './data-dir';

describe('default data folder', () => {
  it('matches where Electron keeps user data on each platform', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/a/.config' }, 'linux')).toBe(path.join('/home/a/.config', 'TVET Inspector', 'data'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain(path.join('TVET Inspector', 'data'));
    expect(defaultDataDir({}, 'darwin')).toContain(path.join('Library', 'Application Support', 'TVET Inspector', 'data'));
  });
});
