import { contract, isChannel, type Channel } from '../../shared/ipc/contract';
import { AppError, type AppErrorData, type Result } from '../../shared/ipc/result';
import { issuesFromZod } from '../../shared/ipc/zod-issues';
import type { Handlers } from './handlers';
import { requestShapeIssue } from './request-bounds';
import { storageRefusal } from './support/storage-errors';

export type Dispatch = (channel: unknown, request: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  /** Where stacks go: they stay in the host's log and never cross to the renderer. */
  logError?: (channel: string, error: unknown) => void;
}

/**
 * Validates the request, calls the handler, validates the response, and turns every failure into data.
 * The renderer is untrusted: anything it sends is parsed against the contract before a service sees it.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  return async (channel, request) => {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: 'validation', message: 'Unknown channel.' } };
    }
    const spec = contract[channel];
    // Bounded before parsing: a schema walks a value to learn what it is, so size and depth come first.
    const shape = requestShapeIssue(request);
    if (shape !== null) return { ok: false, error: { code: 'validation', message: 'The request is not valid.', issues: [shape] } };
    const parsed = spec.request.safeParse(request ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'validation', message: 'The request is not valid.', issues: issuesFromZod(parsed.error) } };
    }
    try {
      const handler = handlers[channel] as (r: unknown) => unknown;
      const value = await handler(parsed.data);
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        options.logError?.(channel, checked.error);
        return { ok: false, error: { code: 'internal', message: 'The service returned an unexpected response.' } };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      return { ok: false, error: toErrorData(channel, error, options) };
    }
  };
}

function toErrorData(channel: Channel, error: unknown, options: DispatcherOptions): AppErrorData {
  if (error instanceof AppError) return error.toData();
  options.logError?.(channel, error);
  // A full or read-only disk says so, and that nothing already saved was lost (the transaction rolled back).
  const storage = storageRefusal(error);
  if (storage) return storage.toData();
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    return { code: 'io', message: 'The database could not complete the change. Nothing was saved.' };
  }
  return { code: 'internal', message: 'Something went wrong inside the app. Nothing was changed.' };
}
