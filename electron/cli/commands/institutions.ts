import fs from 'node:fs';
import path from 'node:path';
import { listName } from '../../../shared/reference-lists';
import { parseArgs } from 'node:util';
import { institutionSortKeys } from '../../../shared/institutions/schema';
import { exitCodes, openServices, UsageError, type Output } from '../cli-context';
import { toCsv } from '../csv';

export const institutionsUsage = `institutions list [--search <text>] [--sort name|district|updated] [--archived] [--json]
institutions export [--format csv|json] [--out <file>] [--archived]`;

export function runInstitutions(args: string[], o: Output): number {
  const [verb, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      search: { type: 'string' },
      sort: { type: 'string' },
      archived: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const sort = values.sort ?? 'name';
  if (!(institutionSortKeys as readonly string[]).includes(sort))
    throw new UsageError(`--sort must be one of ${institutionSortKeys.join(', ')}.`);
  if (verb !== 'list' && verb !== 'export') throw new UsageError(`Unknown command "institutions ${verb ?? ''}".`);
  const format = values.format ?? 'csv';
  if (verb === 'export' && format !== 'csv' && format !== 'json') throw new UsageError('--format must be csv or json.');

  const services = openServices(values['data-dir']);
  try {
    const query = {
      search: values.search ?? '',
      sort: sort as (typeof institutionSortKeys)[number],
      includeArchived: values.archived ?? false,
      limit: 1000,
      offset: 0,
    };
    if (verb === 'list') {
      const { items, total } = services.institutions.list(query);
      if (o.json) o.out(JSON.stringify({ total, items }, null, 2));
      else if (items.length === 0) o.out('No institutions.');
      else {
        for (const i of items)
          o.out(
            `${i.id}  ${i.nameEn}${i.nameBn ? ` (${i.nameBn})` : ''}  ${listName('district', i.district, 'en')}  ${i.programmeCount} programme(s)${i.archived ? '  [archived]' : ''}`,
          );
        o.out(`${items.length} of ${total} institution(s).`);
      }
      return exitCodes.ok;
    }
    // export: every matching institution with its programmes, paging so large registries stream through.
    const details = [];
    for (let offset = 0; ; offset += 1000) {
      const page = services.institutions.list({ ...query, offset });
      details.push(...page.items.map((i) => services.institutions.get(i.id)));
      if (page.items.length < 1000) break;
    }
    const text =
      format === 'json'
        ? JSON.stringify({ format: 'tvet-inspector/institutions@1', institutions: details }, null, 2) + '\n'
        : toCsv([
            [
              'institution_id',
              'name_en',
              'name_bn',
              'registration_body',
              'registration_number',
              'type',
              'division',
              'district',
              'archived',
              'programme_id',
              'programme_title_en',
              'programme_title_bn',
              'sector',
              'occupation',
              'isco_code',
              'esco_uri',
              'bnqf_level',
              'eqf_level',
              'mobility_track',
              'destination_country',
              'target_language',
              'target_cefr',
            ],
            ...details.flatMap(({ institution: i, programmes }) => {
              const base = [i.id, i.nameEn, i.nameBn, i.registrationBody, i.registrationNumber, i.type, i.division, i.district, i.archived];
              if (programmes.length === 0) return [base];
              return programmes.map((p) => [
                ...base,
                p.id,
                p.titleEn,
                p.titleBn,
                p.sector,
                p.occupation,
                p.iscoCode,
                p.escoUri,
                p.bnqfLevel,
                p.eqfLevel,
                p.mobilityTrack,
                p.destinationCountry,
                p.targetLanguage,
                p.targetCefr,
              ]);
            }),
          ]);
    if (values.out) {
      const target = path.resolve(values.out);
      const temp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(temp, text);
      fs.renameSync(temp, target);
      if (o.json) o.out(JSON.stringify({ written: target, institutions: details.length }));
      else o.out(`Wrote ${details.length} institution(s) to ${target}`);
    } else {
      o.out(text.trimEnd());
    }
    return exitCodes.ok;
  } finally {
    services.close();
  }
}
