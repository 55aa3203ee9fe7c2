import type { z } from 'zod';
import { contract, isChannel, type Channel } from '../../shared/ipc/contract';
import { AppError, type AppErrorData, type Issue, type Result } from '../../shared/ipc/result';
import type { Handlers } from './handlers';
import { boundedMessage, boundedPath, ISSUE_BOUNDS, requestShapeIssue } from './request-bounds';

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
      return { ok: false, error: { code: 'validation', message: 'The request is not valid.', issues: toIssues(parsed.error) } };
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

/** What a refusal says back: a few issues, each short — never the request itself at length (unknown keys, long values). */
function toIssues(error: z.ZodError): Issue[] {
  return error.issues.slice(0, ISSUE_BOUNDS.issues).map((i) => {
    const at = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    // Zod's own message lists every unknown key; the first one, shortened, is enough to find it.
    if (i.code === 'unrecognized_keys') return { path: boundedPath([...at, i.keys[0] ?? '']), message: 'validation.invalid' };
    return { path: boundedPath(at), message: boundedMessage(i.message) };
  });
}

function toErrorData(channel: Channel, error: unknown, options: DispatcherOptions): AppErrorData {
  if (error instanceof AppError) return error.toData();
  options.logError?.(channel, error);
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    return { code: 'io', message: 'The database could not complete the change. Nothing was saved.' };
  }
  return { code: 'internal', message: 'Something went wrong inside the app. Nothing was changed.' };
}
