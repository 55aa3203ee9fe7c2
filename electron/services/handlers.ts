import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { AppServices } from './app-services';
import { accreditationHandlers } from './accreditation/handlers';
import { assessmentHandlers } from './assessments/handlers';
import { backupHandlers, type BackupHostHooks } from './backup/handlers';
import { evidenceHandlers } from './evidence/handlers';
import { exchangeHandlers } from './exchange/handlers';
import { frameworkHandlers } from './frameworks/handlers';
import { headOfficeHandlers } from './head-office/handlers';
import { institutionHandlers } from './institutions/handlers';
import { reportHandlers } from './reports/handlers';
import { sampleHandlers } from './sample/handlers';
import { appHandlers } from './settings/handlers';
import { signingHandlers } from './signing/handlers';

export type HandlerMap<C extends Channel> = { [K in C]: (request: ParsedRequestOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>> };
export type Handlers = HandlerMap<Channel>;
export type HostKind = 'electron' | 'browser';

/** Every contract channel mapped to its domain's handler; the type fails if one is missing. */
export function createHandlers(services: AppServices, host: HostKind, hooks: BackupHostHooks = {}): Handlers {
  return {
    ...appHandlers(services, host),
    ...institutionHandlers(services),
    ...frameworkHandlers(services),
    ...assessmentHandlers(services),
    ...accreditationHandlers(services),
    ...signingHandlers(services),
    ...evidenceHandlers(services),
    ...reportHandlers(services),
    ...sampleHandlers(services),
    ...exchangeHandlers(services),
    ...headOfficeHandlers(services),
    ...backupHandlers(services, hooks),
  };
}
