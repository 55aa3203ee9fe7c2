import type { Criterion, DataField, Framework, ProgrammeDataSource } from '../framework/schema';
import type { DataValues } from '../scoring/inputs';
import type { ProgrammeSnapshot } from './schema';

/**
 * Data fields of framework versions published before `fromProgramme` existed that ask for a fact the
 * programme record already keeps. The shipped files are content-hashed (an assessment pins the hash),
 * so they are never edited: the link lives here instead. Keyed by `<framework id>@<version>`.
 */
const publishedSources: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, ProgrammeDataSource>>>>>> = {
  'bd-eu-tvet@1.0.0': { 'LS-03': { language: 'targetLanguage', cefr_target: 'targetCefr' } },
};

const textUnits = new Set<DataField['unit']>(['code', 'text']);

/**
 * The programme fact a data field takes its value from, or null when the assessor types it. Only typed
 * code and text fields can be sourced: a number or a computed rate is never a programme fact.
 */
export function programmeSource(
  framework: Pick<Framework, 'id' | 'version'>,
  criterionId: string,
  field: Pick<DataField, 'id' | 'unit' | 'derived' | 'fromProgramme'>,
): ProgrammeDataSource | null {
  if (field.derived !== undefined || !textUnits.has(field.unit)) return null;
  return field.fromProgramme ?? publishedSources[`${framework.id}@${framework.version}`]?.[criterionId]?.[field.id] ?? null;
}

export interface EffectiveData {
  /** The values to show: the stored ones, with the programme's facts in place of the fields sourced from it. */
  data: DataValues;
  /** The fields whose value is the programme's (field id → programme fact): shown, never typed. */
  fromProgramme: ReadonlyMap<string, ProgrammeDataSource>;
}

/**
 * One truth per fact: a data field sourced from the programme shows what the assessed programme records
 * (its snapshot, taken when the assessment started, as the report's programme table shows it), not a
 * second copy typed on the card. Where the programme records nothing (say, not a mobility track) the
 * field stays typed as before, and a value typed by an older version is kept, not hidden.
 *
 * For showing data only. Scoring reads the stored values: a sourced field is never a figure, and
 * "any recorded figure answers the unit" (hasFigures) must not count a programme fact as an answer.
 */
export function effectiveData(
  framework: Pick<Framework, 'id' | 'version'>,
  criterion: Pick<Criterion, 'id' | 'dataFields'>,
  stored: DataValues,
  programme: Pick<ProgrammeSnapshot, ProgrammeDataSource> | null | undefined,
): EffectiveData {
  const fromProgramme = new Map<string, ProgrammeDataSource>();
  if (programme === null || programme === undefined) return { data: stored, fromProgramme };
  const data: DataValues = { ...stored };
  for (const field of criterion.dataFields ?? []) {
    const source = programmeSource(framework, criterion.id, field);
    if (source === null) continue;
    const value = programme[source].trim();
    if (value === '') continue;
    data[field.id] = value;
    fromProgramme.set(field.id, source);
  }
  return { data, fromProgramme };
}
