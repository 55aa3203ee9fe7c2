import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/ipc/result';
import { languages, profileSchema, type Language } from '../../../shared/settings/schema';
import type { AppServices } from '../../services/app-services';
import { exitCodes, openServices, UsageError, type Output } from '../cli-context';

export const sampleUsage = `sample create [--name <your name> [--organisation <org>] [--lang en|bn]] [--json]
  makes the guided sample assessment once (a made-up institution with a nearly finished inspection,
  for demos and training courses) and prints its ids; asking again returns the same one. Changes are
  recorded under the user's name: on a data folder without a profile, --name makes one as the app's
  welcome would (--lang: the app's and the sample notes' language, default en); an existing one is kept.`;

export async function runSample(args: string[], o: Output): Promise<number> {
  const [verb, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      name: { type: 'string' },
      organisation: { type: 'string' },
      lang: { type: 'string' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (verb !== 'create') throw new UsageError(`Unknown command "sample ${verb ?? ''}".`);
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
  if (values.lang !== undefined && !(languages as readonly string[]).includes(values.lang))
    throw new UsageError('--lang must be en or bn.');
  if (values.name === undefined && (values.organisation !== undefined || values.lang !== undefined))
    throw new UsageError('--organisation and --lang describe the profile that --name creates: give --name too.');

  const services = openServices(values['data-dir']);
  try {
    const profile = ensureProfile(services, values.name, values.organisation, values.lang as Language | undefined, o);
    const sample = await services.sample.create();
    const institution = services.institutions.get(sample.institutionId).institution;
    if (o.json) {
      o.out(JSON.stringify({ ...sample, institutionNameEn: institution.nameEn, profile }, null, 2));
      return exitCodes.ok;
    }
    o.out(sample.created ? 'Made the guided sample assessment.' : 'The guided sample assessment exists already: here it is.');
    o.out(`  Institution: ${institution.nameEn}  ${sample.institutionId}`);
    o.out(`  Assessment:  draft inspection  ${sample.assessmentId}  (${sample.toRate} criteria left to rate)`);
    if (profile.created) o.out(`  Profile:     ${profile.userName} (made now; changes are recorded under this name)`);
    o.out('In the app, "Guided sample" above the institutions list (or Help, Guided sample assessment) opens it with the guide.');
    return exitCodes.ok;
  } finally {
    services.close();
  }
}

/**
 * The sample is recorded under the user's name and its inspection team is led by them, so a profile
 * must exist first. A trainer setting up laptops for a course gives --name (one command per machine);
 * an existing profile is never changed here.
 */
function ensureProfile(
  s: AppServices,
  name: string | undefined,
  organisation: string | undefined,
  language: Language | undefined,
  o: Output,
): { userName: string; created: boolean } {
  const settings = s.settings.get();
  if (settings.onboarded) {
    if (name !== undefined && name.trim() !== settings.userName)
      o.err(`Note: this data folder already has a profile (${settings.userName}); it was kept and --name was not used.`);
    return { userName: settings.userName, created: false };
  }
  if (name === undefined) {
    throw new AppError(
      'validation',
      'This data folder has no user profile yet, and every change is recorded under the user’s name. ' +
        'Give --name "<your name>" to make one here (for example: sample create --name "Course trainer"), ' +
        'or open the app once and complete the welcome.',
    );
  }
  const parsed = profileSchema.safeParse({ userName: name, role: settings.role, organisation: organisation ?? '' });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0] === 'organisation' ? '--organisation' : '--name';
    throw new AppError(
      'validation',
      `${field} is not a usable profile entry: give a name of 1 to 120 characters (organisation up to 200).`,
    );
  }
  s.settings.update({ ...parsed.data, language: language ?? settings.language, onboarded: true });
  return { userName: parsed.data.userName, created: true };
}
