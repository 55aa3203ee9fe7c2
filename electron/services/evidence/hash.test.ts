import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/temp-dir';
import { sha256OfBytes, sha256OfFile } from './hash';

describe('hashing evidence', () => {
  it('gives the SHA-256 of bytes and files of any size, piece by piece', async () => {
    for (const size of [0, 1, 1024 * 1024 - 1, 1024 * 1024, 3 * 1024 * 1024 + 17]) {
      const bytes = Buffer.alloc(size, 7);
      if (size > 0) bytes[size - 1] = 1;
      const expected = createHash('sha256').update(bytes).digest('hex');
      expect(await sha256OfBytes(bytes)).toBe(expected);
      const file = path.join(tempDir(), 'f');
      fs.writeFileSync(file, bytes);
      expect(await sha256OfFile(file)).toBe(expected);
    }
  });
});
