import fs from 'node:fs';
import path from 'node:path';
import type { AppServices } from '../app-services';
import { bundledFrameworksDir } from '../assessments/test-fixtures';
import { reportScenario } from '../reports/test-fixtures';
import type { CrashWorkerConfig } from './crash-protocol';

const passphrase = 'crash test passphrase 2025';

function identityOf(s: AppServices, name: string): string {
  return s.identities.createSelfSigned({ name, role: 'Lead inspector', organisation: 'NSDA Accreditation Unit', passphrase }).id;
}

export interface CrashWorld {
  /** A data folder to copy for each lane: an institution with a finalised self-assessment and a submitted inspection with evidence. */
  template: string;
  /** Everything a worker needs except its data folder, seed and whether it signs first. */
  config: Omit<CrashWorkerConfig, 'dataDir' | 'seed' | 'signFirst'>;
}

/**
 * Built once per run: the data folder the workers write to, and a package exported up front from another
 * machine (another institution, so importing it never needs a person to resolve conflicts). Both use one
 * signing identity: making one costs seconds.
 */
export async function buildCrashWorld(work: string): Promise<CrashWorld> {
  const template = path.join(work, 'template');
  const { s, institution, self } = await reportScenario({ dataDir: template });
  const identityId = identityOf(s, 'Farida Yasmin');
  s.close();

  const machine = path.join(work, 'machine');
  fs.cpSync(path.join(template, 'identities'), path.join(machine, 'identities'), { recursive: true });
  const other = await reportScenario({ dataDir: machine });
  const file = path.join(work, 'other-machine.tvetpkg');
  await other.s.exchange.exports.run({ scope: { kind: 'institution', institutionId: other.institution.id }, identityId, passphrase }, file);
  other.s.close();
  fs.rmSync(machine, { recursive: true, force: true });
  return {
    template,
    config: {
      bundledFrameworksDir,
      institutionId: institution.id,
      signableAssessmentId: self.id,
      identityId,
      passphrase,
      packages: [file],
    },
  };
}
