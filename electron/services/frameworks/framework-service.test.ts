import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testFramework } from '../../../shared/framework/test-fixture';
import { AppError } from '../../../shared/ipc/result';
import { openTestServices } from '../test-support/services';
import { tempDir } from '../test-support/temp-dir';

const bundled = path.resolve(import.meta.dirname, '..', '..', '..', 'resources', 'frameworks');

describe('framework library', () => {
  it('installs the bundled default framework once, on first run', () => {
    const dataDir = tempDir();
    const first = openTestServices({ dataDir, bundledFrameworksDir: bundled });
    const [only, ...rest] = first.frameworks.list();
    expect(rest).toHaveLength(0);
    // Added by the app, not by the operating-system account of the first run (there is no profile yet).
    expect(only).toMatchObject({
      frameworkId: 'bd-eu-tvet',
      version: '1.0.0',
      criteria: 106,
      source: 'bundled',
      importedBy: 'TVET Inspector',
    });
    expect(only!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    first.close();
    const second = openTestServices({ dataDir, bundledFrameworksDir: bundled });
    expect(second.frameworks.list()).toHaveLength(1);
    expect(second.frameworks.get(only!.id).framework.groups).toHaveLength(16);
    second.close();
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
