import type { appContract } from '../../../shared/settings/contract';
import type { AppServices } from '../app-services';
import type { HandlerMap, HostKind } from '../handlers';

export function appHandlers(services: AppServices, host: HostKind): HandlerMap<keyof typeof appContract> {
  return {
    'app:info': () => ({
      appVersion: services.options.appVersion,
      host,
      dataDir: services.options.dataDir,
      databasePath: services.databasePath,
      schemaVersion: services.schemaVersion(),
    }),
    'settings:get': () => services.settings.get(),
    'settings:update': (r) => services.settings.update(r),
  };
}
