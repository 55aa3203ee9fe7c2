import { describe, expect, it } from 'vitest';
import { parseRefusal } from '../../../shared/evidence/refusals';
import { AppError } from '../../../shared/ipc/result';
import { UploadStaging } from './upload-staging';

function refusalOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('upload staging', () => {
  it('joins pieces in order, hands the file over once, and forgets abandoned uploads', () => {
    let now = 0;
    const staging = new UploadStaging({ maxOpen: 2, idleMs: 1000, now: () => now });
    const { uploadId } = staging.append(null, 0, Buffer.from('abc'), 100);
    expect(staging.append(uploadId, 3, Buffer.from('def'), 100).received).toBe(6);
    expect(staging.take(uploadId)?.toString()).toBe('abcdef');
    expect(staging.take(uploadId)).toBeUndefined();

    const abandoned = staging.append(null, 0, Buffer.from('x'), 100).uploadId;
    now = 2000;
    expect(staging.take(abandoned)).toBeUndefined();
    expect(staging.open).toBe(0);
  });

  it('bounds what it holds: a few uploads at once, none past the per-file limit', () => {
    const staging = new UploadStaging({ maxOpen: 2, idleMs: 60_000 });
    const first = staging.append(null, 0, Buffer.alloc(60), 100).uploadId;
    staging.append(null, 0, Buffer.alloc(1), 100);
    expect(parseRefusal(refusalOf(() => staging.append(null, 0, Buffer.alloc(1), 100)).issues![0]!.message)?.key).toBe('tooManyUploads');
    const tooBig = refusalOf(() => staging.append(first, 60, Buffer.alloc(60), 100));
    expect(parseRefusal(tooBig.issues![0]!.message)?.key).toBe('fileTooLarge');
    // The oversized upload is dropped at once, making room for another.
    expect(staging.open).toBe(1);
    expect(refusalOf(() => staging.append(first, 60, Buffer.alloc(1), 100)).code).toBe('not-found');
  });
});
