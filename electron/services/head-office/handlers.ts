import type { AppServices } from '../app-services';
import type { HandlerMap } from '../handlers';
import type { headOfficeContract } from '../../../shared/head-office/contract';

export function headOfficeHandlers(_services: AppServices): HandlerMap<keyof typeof headOfficeContract> {
  return {};
}
