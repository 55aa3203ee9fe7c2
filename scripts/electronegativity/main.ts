import fs from 'node:fs';
import path from 'node:path';
import { compareWithExplained, missingFromSecurityDoc, type ExplainedFinding } from './explained';
import { scanElectronApp } from './offline-scan';

// `npm run security:electron`: Electronegativity over the desktop app, offline. It fails on any finding
// that is not explained in explained-findings.json and SECURITY.md, on an explanation whose finding is
// gone, and on any file the tool could not parse (a file it did not check).
const root = path.resolve(import.meta.dirname, '..', '..');
const explained = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'explained-findings.json'), 'utf8')) as ExplainedFinding[];
const scan = await scanElectronApp(root);
const { unexplained, stale } = compareWithExplained(scan.findings, explained);
const undocumented = missingFromSecurityDoc(explained, fs.readFileSync(path.join(root, 'SECURITY.md'), 'utf8'));

console.log(
  `Electronegativity (offline): ${scan.checksRun} checks, ${scan.findings.length} findings, ${scan.findings.length - unexplained.length} of them explained.`,
);
for (const f of unexplained) {
  console.error(`NEW  ${f.check} (${f.severity}, ${f.confidence}) ${f.file}:${f.line}\n     ${f.sample}\n     ${f.description}`);
}
for (const e of stale)
  console.error(`GONE ${e.check} ${e.file}: "${e.sample}" is no longer found; remove it from explained-findings.json and SECURITY.md.`);
for (const e of undocumented) console.error(`UNDOCUMENTED ${e.check} ${e.file}: add its row to SECURITY.md's Electronegativity table.`);
for (const u of scan.unparsed) console.error(`UNPARSED ${u.file}: ${u.message}`);
if (unexplained.length > 0)
  console.error('Fix each NEW finding, or explain it in scripts/electronegativity/explained-findings.json and SECURITY.md.');
process.exitCode = unexplained.length + stale.length + undocumented.length + scan.unparsed.length > 0 ? 1 : 0;
