import fs from 'node:fs';
import type { AppServices } from '../app-services';
import type { HandlerMap } from '../handlers';
import type { exchangeContract } from '../../../shared/exchange/contract';
import { PACKAGE_TRANSFER } from '../../../shared/exchange/contract';
import { AppError } from '../../../shared/ipc/result';

/** Package channels: export jobs, browser download and upload in pieces, desktop dialogs, preview and apply. */
export function exchangeHandlers(services: AppServices): HandlerMap<keyof typeof exchangeContract> {
  const { exports, imports, staging, dialogs } = services.exchange;
  return {
    'packages:export': (r) => exports.start(r),
    'packages:job': (r) => exports.job(r.jobId),
    'packages:download-chunk': (r) => {
      const file = exports.fileOf(r.exportId);
      if (r.offset > file.size) throw new AppError('validation', 'The offset is past the end of the package.');
      const length = Math.min(PACKAGE_TRANSFER.chunkBytes, file.size - r.offset);
      const bytes = Buffer.alloc(length);
      const fd = fs.openSync(file.path, 'r');
      try {
        fs.readSync(fd, bytes, 0, length, r.offset);
      } finally {
        fs.closeSync(fd);
      }
      return { chunkBase64: bytes.toString('base64'), size: file.size, nextOffset: r.offset + length };
    },
    'packages:save-as': async (r) => {
      const file = exports.fileOf(r.exportId);
      const target = await dialogs.chooseSavePath({ title: 'Save package', defaultName: file.fileName });
      if (target === null) return { cancelled: true, path: '' };
      await fs.promises.copyFile(file.path, target);
      return { cancelled: false, path: target };
    },
    'packages:upload-chunk': (r) => staging.append(r.uploadId, r.offset, Buffer.from(r.chunkBase64, 'base64'), r.fileName),
    'packages:open-from-dialog': async (r) => {
      const files = await dialogs.choosePackages({ title: 'Import packages', folder: r.folder });
      if (files === null) return { cancelled: true, uploads: [] };
      return { cancelled: false, uploads: files.map((f) => staging.register(f)) };
    },
    'packages:preview': (r) => imports.preview(r.uploadId),
    'packages:apply': (r) => imports.apply(r.uploadId, r.choices),
    'packages:discard': (r) => {
      imports.discard(r.uploadId);
      return {};
    },
    'packages:history': () => ({ items: imports.history() }),
  };
}
