import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testFramework } from '../../../shared/framework/test-fixture';
import { AppError } from '../../../shared/ipc/result';
import { openTestServices } from '../test-support/services';
import { tempDir } from '../test-support/temp-dir';

const bundled = path.resolve(import.meta.dirname, '..', '..', '..', 'resources', 'frameworks');

describe('framework library', () => {
  it('installs the bundled framework versions once, on first run', () => {
    const dataDir = tempDir();
    const first = openTestServices({ dataDir, bundledFrameworksDir: bundled });
    const installed = first.frameworks.list();
    expect(installed.map((v) => v.version).sort()).toEqual(['1.0.0', '1.1.0']);
    // Added by the app, not by the operating-system account of the first run (there is no profile yet).
    for (const [version, criteria] of [
      ['1.0.0', 106],
      ['1.1.0', 107],
    ] as const) {
      const summary = installed.find((v) => v.version === version);
      expect(summary).toMatchObject({ frameworkId: 'bd-eu-tvet', version, criteria, source: 'bundled', importedBy: 'TVET Inspector' });
      expect(summary!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
    first.close();
    const second = openTestServices({ dataDir, bundledFrameworksDir: bundled });
    expect(second.frameworks.list()).toHaveLength(2);
    expect(second.frameworks.get(installed[0]!.id).framework.groups).toHaveLength(16);
    second.close();
  });

  it('gives a data folder made with 1.0.0 alone version 1.1.0 on its next start, keeping 1.0.0 as it was', () => {
    const dataDir = tempDir();
    const onlyOld = tempDir();
    fs.copyFileSync(path.join(bundled, 'bd-eu-tvet-1.0.0.json'), path.join(onlyOld, 'bd-eu-tvet-1.0.0.json'));
    const before = openTestServices({ dataDir, bundledFrameworksDir: onlyOld });
    const [old] = before.frameworks.list();
    expect(before.frameworks.list()).toHaveLength(1);
    before.close();

    const after = openTestServices({ dataDir, bundledFrameworksDir: bundled });
    const versions = after.frameworks.list();
    expect(versions.map((v) => v.version).sort()).toEqual(['1.0.0', '1.1.0']);
    expect(versions.find((v) => v.version === '1.0.0')).toEqual(old);
    after.close();
  });

  it('keeps versions immutable: same content is a no-op, different content under the same version is refused', () => {
    const s = openTestServices();
    const fw = testFramework();
    expect(s.frameworks.importFramework(fw, 'import:json').status).toBe('imported');
    expect(s.frameworks.importFramework(fw, 'import:json').status).toBe('unchanged');
    const changed = structuredClone(fw);
    changed.groups[0]!.criteria[0]!.weight = 1;
    expect(() => s.frameworks.importFramework(changed, 'import:json')).toThrow(/already exists with different content/);
    const id = s.frameworks.list()[0]!.id;
    // The database refuses an edit even if some code tried one.
    expect(() => s.db.prepare("UPDATE framework_versions SET content = '{}' WHERE id = ?").run(id)).toThrow(/immutable/);
    s.close();
  });

  it('refuses an invalid framework with every problem and its place, and stores nothing', () => {
    const s = openTestServices();
    const fw = testFramework() as unknown as { groups: { criteria: { weight: number }[] }[] };
    fw.groups[0]!.criteria[0]!.weight = 9;
    try {
      s.frameworks.importFramework(fw, 'import:json');
      expect.fail('should refuse');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).issues?.[0]?.path).toEqual(['groups', 0, 'criteria', 0, 'weight']);
    }
    expect(s.frameworks.list()).toHaveLength(0);
    s.close();
  });
});
