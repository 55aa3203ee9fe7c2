import type { Channel, RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { createTransport } from './transport';

const { transport, host } = createTransport();

export const hostKind = host;

/** The renderer's only way to reach the services: typed by the shared contract. */
export function invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  return transport(channel, request) as Promise<Result<ResponseOf<C>>>;
}
