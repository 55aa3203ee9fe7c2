import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileFormats, type FileFormat } from '../../../shared/framework/check-file';
import { frameworkContentHash } from '../../../shared/framework/content-hash';
import type { FrameworkVersionSummary } from '../../../shared/framework/contract';
import { formatProblem, type LocatedProblem } from '../../../shared/framework/located-problem';
import { FILE_LIMITS } from '../../../shared/framework/sheet-layout';
import { AppError } from '../../../shared/ipc/result';
import type { AppServices } from '../../services/app-services';
import { checkFrameworkFile } from '../../services/frameworks/framework-files';
import { bundledFrameworkAuthor } from '../../services/frameworks/framework-service';
import { exitCodes, openServices, UsageError, type Output } from '../cli-context';

export const frameworkUsage = `framework list [--json]
framework validate <file.json|.xlsx|.csv> [--json]
framework import <file.json|.xlsx|.csv> [--json]
framework export <framework-id[@version]|version-id> [--format json|xlsx|csv] [--out <file>] [--json]`;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The framework library from the command line. Asynchronous because XLSX files are read and written so. */
export async function runFramework(args: string[], o: Output): Promise<number> {
  const [verb, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const expectOne = (what: string): string => {
    if (positionals.length !== 1) throw new UsageError(`framework ${verb} needs exactly one ${what}.`);
    return positionals[0]!;
  };

  switch (verb) {
    case 'validate': {
      // Checking a file touches no data folder: it reads the file and nothing else.
      const file = expectOne('file');
      const check = await checkFrameworkFile(path.basename(file), readLimited(file));
      report(o, file, check.format, check.errors, check.warnings);
      if (check.ok && check.framework) {
        const fw = check.framework;
        const summary = { id: fw.id, version: fw.version, criteria: countCriteria(fw), contentHash: frameworkContentHash(fw) };
        if (o.json)
          o.out(JSON.stringify({ ok: true, format: check.format, errors: [], warnings: check.warnings, framework: summary }, null, 2));
        else
          o.out(
            `OK: ${fw.id} ${fw.version}, ${summary.criteria} criteria in ${fw.groups.length} groups, content hash ${summary.contentHash}`,
          );
        return exitCodes.ok;
      }
      if (o.json)
        o.out(
          JSON.stringify({ ok: false, format: check.format, errors: check.errors, warnings: check.warnings, framework: null }, null, 2),
        );
      return exitCodes.failed;
    }
    case 'import':
      return withServices(values['data-dir'], async (services) => {
        const file = expectOne('file');
        const bytes = readLimited(file);
        const check = await services.frameworks.checkFile(path.basename(file), bytes);
        if (!check.ok) {
          report(o, file, check.format, check.errors, check.warnings);
          if (o.json) o.out(JSON.stringify({ ok: false, format: check.format, errors: check.errors, warnings: check.warnings }, null, 2));
          return exitCodes.failed;
        }
        const outcome = await services.frameworks.importFile(path.basename(file), bytes);
        if (o.json)
          o.out(JSON.stringify({ ok: true, status: outcome.status, summary: outcome.summary, warnings: outcome.warnings }, null, 2));
        else {
          report(o, file, check.format, [], outcome.warnings);
          const s = outcome.summary;
          o.out(
            outcome.status === 'imported'
              ? `Imported ${s.frameworkId} ${s.version} (${s.criteria} criteria) as version ${s.id}.`
              : `Unchanged: ${s.frameworkId} ${s.version} is already in the library with the same content (version ${s.id}).`,
          );
        }
        return exitCodes.ok;
      });
    case 'export': {
      const format = (values.format ?? 'json') as FileFormat;
      if (!(fileFormats as readonly string[]).includes(format)) throw new UsageError('--format must be json, xlsx or csv.');
      if (format === 'xlsx' && !values.out && !o.json) throw new UsageError('An XLSX workbook is binary: give --out <file>.');
      const target = expectOne('framework id or version id');
      return withServices(values['data-dir'], async (services) => {
        const version = resolveVersion(services.frameworks.list(), target);
        const file = await services.frameworks.exportVersion(version.id, format);
        if (values.out) {
          const out = path.resolve(values.out);
          const temp = `${out}.${process.pid}.tmp`;
          fs.writeFileSync(temp, file.bytes);
          fs.renameSync(temp, out);
          if (o.json)
            o.out(
              JSON.stringify({ written: out, format, versionId: version.id, frameworkId: version.frameworkId, version: version.version }),
            );
          else o.out(`Wrote ${version.frameworkId} ${version.version} as ${format.toUpperCase()} to ${out}`);
        } else if (o.json) {
          o.out(JSON.stringify({ fileName: file.fileName, mediaType: file.mediaType, contentBase64: file.bytes.toString('base64') }));
        } else {
          o.out(file.bytes.toString('utf8').replace(/\r?\n$/, ''));
        }
        return exitCodes.ok;
      });
    }
    case 'list':
      return withServices(values['data-dir'], async (services) => {
        const items = services.frameworks.list();
        if (o.json) o.out(JSON.stringify({ items }, null, 2));
        else if (items.length === 0) o.out('No frameworks.');
        else
          for (const v of items)
            o.out(
              `${v.id}  ${v.frameworkId} ${v.version}  ${v.criteria} criteria  ${v.contentHash.slice(0, 12)}  ${v.source}  ${v.importedAt} ${v.source === 'bundled' ? bundledFrameworkAuthor : v.importedBy}  ${v.titleEn}`,
            );
        return exitCodes.ok;
      });
    default:
      throw new UsageError(`Unknown command "framework ${verb ?? ''}".`);
  }
}

async function withServices(dataDir: string | undefined, work: (services: AppServices) => Promise<number>): Promise<number> {
  const services = openServices(dataDir);
  try {
    return await work(services);
  } finally {
    services.close();
  }
}

/** Reads at most one byte more than allowed, so a huge file is refused without loading it whole. */
function readLimited(file: string): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new AppError('io', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
  try {
    const buffer = Buffer.alloc(FILE_LIMITS.bytes + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw new AppError('io', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
  } finally {
    fs.closeSync(fd);
  }
}

function report(o: Output, file: string, format: FileFormat, errors: LocatedProblem[], warnings: LocatedProblem[]): void {
  if (o.json) return;
  if (errors.length > 0)
    o.err(`${file} (${format.toUpperCase()}): ${errors.length} error(s), ${warnings.length} warning(s); nothing can be imported.`);
  for (const p of errors) o.err(`error    ${formatProblem(p)}`);
  for (const p of warnings) o.err(`warning  ${formatProblem(p)}`);
}

/** A version id, `framework-id@version`, or a framework id (its highest version). */
function resolveVersion(items: FrameworkVersionSummary[], target: string): FrameworkVersionSummary {
  const found = uuidPattern.test(target)
    ? items.find((v) => v.id === target.toLowerCase())
    : target.includes('@')
      ? items.find((v) => `${v.frameworkId}@${v.version}` === target)
      : items.filter((v) => v.frameworkId === target).sort((a, b) => compareVersions(b.version, a.version))[0];
  if (!found) throw new AppError('not-found', `No framework version matches "${target}". See: framework list`);
  return found;
}

/** Semantic-version order: numeric parts, and a pre-release below its release. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split('+')[0]!.split(/-(.*)/s);
    return { parts: core.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

function countCriteria(fw: { groups: { criteria: unknown[] }[] }): number {
  return fw.groups.reduce((n, g) => n + g.criteria.length, 0);
}
