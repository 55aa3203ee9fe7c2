import type { AppServices } from '../app-services';
import type { HandlerMap } from '../handlers';
import type { exchangeContract } from '../../../shared/exchange/contract';
import { AppError } from '../../../shared/ipc/result';

const notYet = () => {
  throw new AppError('internal', 'Packages are not available yet.');
};

export function exchangeHandlers(_services: AppServices): HandlerMap<keyof typeof exchangeContract> {
  return {
    'packages:export': notYet,
    'packages:job': notYet,
    'packages:download-chunk': notYet,
    'packages:save-as': notYet,
    'packages:upload-chunk': notYet,
    'packages:open-from-dialog': notYet,
    'packages:preview': notYet,
    'packages:apply': notYet,
    'packages:discard': notYet,
    'packages:history': notYet,
  };
}
