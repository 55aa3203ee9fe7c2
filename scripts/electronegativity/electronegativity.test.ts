import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareWithExplained, missingFromSecurityDoc, type ExplainedFinding } from './explained';
import { scanElectronApp } from './offline-scan';

const explained = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'explained-findings.json'), 'utf8')) as ExplainedFinding[];
const folders: string[] = [];

/** A small app folder, laid out like this repository, holding the given main-process source. */
function appWith(mainSource: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-electronegativity-test-'));
  folders.push(root);
  fs.mkdirSync(path.join(root, 'electron', 'main'), { recursive: true });
  fs.writeFileSync(path.join(root, 'electron', 'main', 'index.ts'), mainSource);
  // Tests do not ship, so a finding in one must not count.
  fs.writeFileSync(path.join(root, 'electron', 'main', 'index.test.ts'), "shell.openExternal('http://example.org');\n");
  return root;
}

afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

describe('Electronegativity in CI (npm run security:electron)', () => {
  it('runs with no network and names an unsafe window (no sandbox, no context isolation, http content, no navigation limits or permission handler) as new findings', async () => {
    const root = appWith(
      [
        "import { BrowserWindow } from 'electron';",
        'const win = new BrowserWindow({ webPreferences: { sandbox: false, contextIsolation: false, nodeIntegration: true } });',
        "win.loadURL('http://example.org/');",
        '',
      ].join('\n'),
    );
    const scan = await scanElectronApp(root);
    expect(scan.unparsed).toEqual([]);
    const { unexplained } = compareWithExplained(scan.findings, explained);
    const named = new Set(unexplained.map((f) => `${f.check} ${f.file}`));
    expect(named).toContain('SANDBOX_JS_CHECK electron/main/index.ts');
    expect(named).toContain('CONTEXT_ISOLATION_JS_CHECK electron/main/index.ts');
    expect(named).toContain('HTTP_RESOURCES_JS_CHECK electron/main/index.ts');
    // And what the app never set up at all: limits on navigation and a permission handler.
    expect(named).toContain('LIMIT_NAVIGATION_GLOBAL_CHECK N/A');
    expect(named).toContain('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK N/A');
    expect(scan.findings.some((f) => f.file.endsWith('.test.ts'))).toBe(false);
  });

  it('counts a file it cannot parse against the scan, since that file was not checked', async () => {
    const root = appWith('const = ;\n');
    const scan = await scanElectronApp(root);
    expect(scan.unparsed.map((u) => u.file)).toEqual(['electron/main/index.ts']);
  });

  it('matches explained findings by check, file and line text, and reports an explanation whose finding is gone', () => {
    const finding = {
      check: 'PRELOAD_JS_CHECK',
      file: 'electron/main/index.ts',
      line: 90,
      sample: "preload:  path.join(import.meta.dirname, '..', 'preload', 'index.cjs'),",
      severity: 'MEDIUM',
      confidence: 'FIRM',
      description: '',
    };
    const result = compareWithExplained([finding], explained);
    expect(result.unexplained).toEqual([]);
    expect(result.stale.map((e) => e.check)).not.toContain('PRELOAD_JS_CHECK');
    expect(result.stale.length).toBe(explained.length - 1);
    const moved = compareWithExplained([{ ...finding, file: 'electron/main/other.ts' }], explained);
    expect(moved.unexplained).toHaveLength(1);
  });

  it('explains every finding in SECURITY.md, by check and file', () => {
    const securityDoc = fs.readFileSync(path.join(import.meta.dirname, '..', '..', 'SECURITY.md'), 'utf8');
    expect(missingFromSecurityDoc(explained, securityDoc)).toEqual([]);
    expect(missingFromSecurityDoc(explained, '| PRELOAD_JS_CHECK | electron/main/index.ts |')).toHaveLength(explained.length - 1);
  });
});
