// A data folder holding a seeded country, made as the app makes one (schema, bundled frameworks, the
// app's pragmas) and then filled by the national generator. The benchmarks (B3, B6) and the e2e scale
// test start from the same kind of folder, so what is measured is what is tested.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppServices } from '../app-services';
import { openDatabase } from '../db/open-database';
import { generateNationalData, type NationalCounts, type NationalSize } from './national-data';

export interface NationalDataFolder {
  dataDir: string;
  counts: NationalCounts;
  /** The database file's size after a checkpoint. */
  bytes: number;
}

/** Makes a new data folder under the temp directory with `size` of the country; the caller removes it. */
export async function createNationalDataFolder(bundledFrameworksDir: string, size: NationalSize): Promise<NationalDataFolder> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tvet-national-'));
  try {
    const services = new AppServices({ dataDir, host: 'cli', appVersion: 'national-data', bundledFrameworksDir });
    services.settings.update({ userName: 'Farida Yasmin', organisation: 'NSDA', onboarded: true });
    // The newest bundled version, which a country's assessments would pin today.
    const version = services.frameworks.list()[0]!;
    const framework = services.frameworks.get(version.id).framework;
    const databasePath = services.databasePath;
    services.close();
    await services.closing;
    const { db } = openDatabase(databasePath);
    try {
      const counts = generateNationalData(db, version, framework, size);
      db.pragma('optimize');
      db.pragma('wal_checkpoint(TRUNCATE)');
      return { dataDir, counts, bytes: fs.statSync(databasePath).size };
    } finally {
      db.close();
    }
  } catch (error) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
