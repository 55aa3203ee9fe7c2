import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/ipc/result';
import { reportLanguageSchema } from '../../../shared/reports/schema';
import { exitCodes, openServices, readPassphrase, UsageError, type Output } from '../cli-context';

export const reportUsage = `report <assessmentId> --lang en|bn --identity <id> [--out <file.pdf>] [--passphrase-file <file>] [--bengali-digits]
  prints and signs the assessment's report (a submitted assessment is finalised first; a draft is refused);
  a Bangla report always writes its numbers in Bengali digits (০–৯); --bengali-digits is accepted for older scripts and changes nothing`;

/** Signs an assessment's report with a stored identity and writes the PDF (default: its suggested name, here). */
export async function runReport(args: string[], o: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      lang: { type: 'string' },
      identity: { type: 'string' },
      out: { type: 'string' },
      'passphrase-file': { type: 'string' },
      'bengali-digits': { type: 'boolean' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('report needs exactly one assessment id.');
  const language = reportLanguageSchema.safeParse(values.lang);
  if (!language.success) throw new UsageError('report needs --lang en or --lang bn.');
  if (!values.identity) throw new UsageError('report needs --identity <id> (see "identity list").');
  const passphrase = readPassphrase(values['passphrase-file']);

  const services = openServices(values['data-dir']);
  try {
    const signed = await services.reports.sign({
      assessmentId: positionals[0] ?? '',
      language: language.data,
      identityId: values.identity,
      passphrase,
      bengaliDigits: values['bengali-digits'] === true,
    });
    const { pdfBase64, ...meta } = signed;
    const out = path.resolve(values.out ?? signed.fileName);
    try {
      fs.writeFileSync(out, Buffer.from(pdfBase64, 'base64'));
    } catch {
      throw new AppError(
        'io',
        `Cannot write ${out}. The signed report is kept in the data folder as ${services.reports.pathOf(signed.sha256)}.`,
      );
    }
    if (o.json) o.out(JSON.stringify({ file: out, ...meta }, null, 2));
    else
      o.out(
        `Signed report written to ${out}\n  ${meta.pages} pages, ${meta.language === 'bn' ? 'Bangla' : 'English'}\n  SHA-256 ${meta.sha256}`,
      );
    return exitCodes.ok;
  } finally {
    services.close();
  }
}
