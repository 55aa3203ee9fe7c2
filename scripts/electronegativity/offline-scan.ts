import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const nodeRequire = createRequire(import.meta.url);

/** One finding, as Electronegativity reports it, with the file relative to the repository. */
export interface ElectronFinding {
  check: string;
  file: string;
  line: number;
  sample: string;
  severity: string;
  confidence: string;
  description: string;
}

export interface ElectronScan {
  findings: ElectronFinding[];
  /** Files the tool could not parse: they were not checked, so the scan cannot pass with any. */
  unparsed: { file: string; message: string }[];
  checksRun: number;
}

/**
 * What ships in the desktop app and so what is scanned: the main process, preload and services, the
 * renderer (its page and its code), shared code and package.json (Electron's version). Tests and test
 * fixtures do not ship and are left out.
 */
const shipped = ['package.json', 'electron', 'renderer/index.html', 'renderer/src', 'shared'];
const notShipped = (name: string) =>
  /\.test\.tsx?$/.test(name) || name === 'test-support' || /^test-fixtures?\.ts$/.test(name) || name === 'node_modules';

/**
 * Runs Doyensec's Electronegativity over the shipped sources with no network. The tool fetches updated
 * messages and Electron's release list from the internet, and offline its HTTP client crashes the process
 * after the scan (a retry timer fires on a settled promise). Its HTTP client is replaced by one that
 * answers "not found" at once, and the one check that needs the release list (newer Electron releases with
 * security fixes) is switched off: the Electron version is kept current by dependency updates instead.
 */
export async function scanElectronApp(root: string): Promise<ElectronScan> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-electronegativity-'));
  try {
    for (const entry of shipped) copyShipped(path.join(root, entry), path.join(copy, entry));
    const tool = createRequire(nodeRequire.resolve('@doyensec/electronegativity/package.json'));
    stubNetwork(tool);
    // Its messages come from the locale in LANG; an unknown one (C.UTF-8) would show message keys.
    process.env.LANG = 'en-US';
    const run = tool('./dist/runner.js') as ElectronegativityRun;
    const result = await run(
      {
        input: copy,
        isRelative: true,
        customScan: [],
        excludeFromScan: ['availablesecurityfixesglobalcheck'],
        parserPlugins: [],
        electronVersionOverride: installedElectronVersion(),
      },
      false,
    );
    return {
      checksRun: result.globalChecks + result.atomicChecks,
      unparsed: result.errors.filter((e) => !e.tolerable).map((e) => ({ file: path.relative(copy, e.file), message: e.message })),
      findings: result.issues.map((issue) => ({
        check: issue.id,
        file: issue.file,
        line: issue.location.line,
        sample: oneLine(issue.sample ?? ''),
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        description: issue.description,
      })),
    };
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

interface ElectronegativityRun {
  (
    options: Record<string, unknown>,
    forCli: boolean,
  ): Promise<{
    globalChecks: number;
    atomicChecks: number;
    errors: { file: string; message: string; tolerable: boolean }[];
    issues: {
      id: string;
      file: string;
      location: { line: number; column: number };
      sample?: string;
      description: string;
      severity: { name: string };
      confidence: { name: string };
    }[];
  }>;
}

/** The tool's HTTP client (got), as every file of the tool loads it, answers "not found" without a socket. */
function stubNetwork(tool: NodeJS.Require): void {
  const notFound = () => Promise.resolve({ statusCode: 404, headers: {}, body: '' });
  const offline = Object.assign(notFound, { head: notFound, get: notFound });
  const users = ['./dist/locales/i18n.js', './dist/finder/checks/GlobalChecks/AvailableSecurityFixesGlobalCheck.js'];
  for (const user of users) {
    const got = createRequire(tool.resolve(user)).resolve('got');
    nodeRequire.cache[got] = { id: got, filename: got, loaded: true, exports: offline } as unknown as NodeJS.Module;
  }
}

/** The Electron this repository builds with: its checks depend on the version's defaults. */
function installedElectronVersion(): string {
  const file = path.join(import.meta.dirname, '..', '..', 'node_modules', 'electron', 'package.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string };
  return manifest.version;
}

function copyShipped(from: string, to: string): void {
  if (!fs.existsSync(from) || notShipped(path.basename(from))) return;
  if (fs.statSync(from).isDirectory()) {
    for (const name of fs.readdirSync(from)) copyShipped(path.join(from, name), path.join(to, name));
    return;
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
