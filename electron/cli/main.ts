import { backupRefusalInEnglish } from '../../shared/backup/messages';
import { AppError } from '../../shared/ipc/result';
import { storageRefusal } from '../services/support/storage-errors';
import { backupUsage, runBackup } from './commands/backup';
import { exitCodes, UsageError, type Output } from './cli-context';
import { assessmentsUsage, runAssessments } from './commands/assessments';
import { auditUsage, runAudit } from './commands/audit';
import { institutionsUsage, runInstitutions } from './commands/institutions';
import { frameworkUsage, runFramework } from './commands/framework';
import { identityUsage, runIdentity } from './commands/identity';
import { evidenceUsage, runEvidence } from './commands/evidence';
import { reportUsage, runReport } from './commands/report';
import { runSample, sampleUsage } from './commands/sample';
import { packageUsage, runPackage } from './commands/package';
import { runVerify, verifyUsage } from './commands/verify';

const usage = `TVET Inspector command line

Usage: tvet-inspector <command> [options]   (from the source tree: npm run cli -- <command>)

Commands:
  ${institutionsUsage.split('\n').join('\n  ')}
  ${assessmentsUsage.split('\n').join('\n  ')}
  ${sampleUsage.split('\n').join('\n  ')}
  ${packageUsage.split('\n').join('\n  ')}
  ${frameworkUsage.split('\n').join('\n  ')}
  ${verifyUsage}
  ${identityUsage.split('\n').join('\n  ')}
  ${evidenceUsage.split('\n').join('\n  ')}
  ${reportUsage.split('\n').join('\n  ')}
  ${auditUsage}
  ${backupUsage.split('\n').join('\n  ')}

Options for every command:
  --data-dir <folder>  the data folder (default: the desktop app's folder)
  --json               machine-readable output
Exit codes: 0 success, 1 invalid input or failed check, 2 usage error.`;

/** Synchronous for most commands; `framework` answers with a promise (XLSX files are read asynchronously). */
export function runCli(argv: string[], o: Omit<Output, 'json'>): number | Promise<number> {
  const json = argv.includes('--json');
  const output: Output = { ...o, json };
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        o.out(usage);
        return command === undefined ? exitCodes.usage : exitCodes.ok;
      case 'institutions':
        return runInstitutions(rest, output);
      case 'assessments':
        return runAssessments(rest, output);
      case 'sample':
        return runSample(rest, output).catch((error: unknown) => fail(error, output, o));
      case 'package':
        return runPackage(rest, output).catch((error: unknown) => fail(error, output, o));
      case 'framework':
        return runFramework(rest, output).catch((error: unknown) => fail(error, output, o));
      case 'verify':
        return runVerify(rest, output);
      case 'identity':
        return runIdentity(rest, output);
      case 'evidence':
        return runEvidence(rest, output).catch((error: unknown) => fail(error, output, o));
      case 'audit':
        return runAudit(rest, output);
      case 'report':
        return runReport(rest, output).catch((error: unknown) => fail(error, output, o));
      case 'backup':
        return runBackup(rest, output).catch((error: unknown) => fail(error, output, o));
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    return fail(error, output, o);
  }
}

function fail(error: unknown, output: Output, o: Omit<Output, 'json'>): number {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    report(output, 'usage', (error as Error).message);
    if (!output.json) o.err(`\n${usage}`);
    return exitCodes.usage;
  }
  // A full or read-only disk is named as such (and that nothing saved was lost), whatever the command.
  const refusal = error instanceof AppError ? error : storageRefusal(error);
  if (refusal) {
    report(output, refusal.code, backupRefusalInEnglish(refusal.message));
    return exitCodes.failed;
  }
  report(output, 'internal', error instanceof Error ? error.message : String(error));
  return exitCodes.failed;
}

function report(o: Output, code: string, message: string) {
  if (o.json) o.out(JSON.stringify({ ok: false, error: { code, message } }));
  else o.err(`Error: ${message}`);
}

if (process.argv[1] && import.meta.filename === (await import('node:fs')).realpathSync(process.argv[1])) {
  process.exitCode = await runCli(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) });
}
