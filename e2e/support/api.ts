import type { RequestOf, ResponseOf, Channel } from '../../shared/ipc/contract';
import type { AppErrorData } from '../../shared/ipc/result';
import type { BrowserHost } from './browser-host';

/** One call to the real services of a running browser host, as the renderer makes it. */
export async function call<C extends Channel>(
  host: BrowserHost,
  channel: C,
  request: RequestOf<C>,
): Promise<{ ok: true; value: ResponseOf<C> } | { ok: false; error: AppErrorData }> {
  const response = await fetch(`${host.origin}/api/invoke`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel, request }),
  });
  return (await response.json()) as { ok: true; value: ResponseOf<C> } | { ok: false; error: AppErrorData };
}

/** Like `call`, for set-up steps that must succeed. */
export async function must<C extends Channel>(host: BrowserHost, channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const r = await call(host, channel, request);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value;
}
