import type { FrameworkVersionSummary } from '../../../../../shared/framework/contract';
import type { Framework } from '../../../../../shared/framework/schema';
import type { AppErrorData } from '../../../../../shared/ipc/result';
import { invoke } from '../../../api/client';

export interface LoadedFramework {
  summary: FrameworkVersionSummary;
  framework: Framework;
}

// Framework versions are immutable (content-hashed), so a fetched one can be kept for the session.
const cache = new Map<string, Promise<LoadedFramework>>();

export class FrameworkLoadError extends Error {
  constructor(readonly error: AppErrorData) {
    super(error.message);
  }
}

export function loadFramework(versionId: string): Promise<LoadedFramework> {
  let found = cache.get(versionId);
  if (found === undefined) {
    found = invoke('frameworks:get', { id: versionId }).then((r) => {
      if (!r.ok) {
        cache.delete(versionId);
        throw new FrameworkLoadError(r.error);
      }
      return r.value;
    });
    cache.set(versionId, found);
  }
  return found;
}
