import { FILE_LIMITS } from '../../../../shared/framework/sheet-layout';
import { readAsBase64 } from '../../files';

/** A framework file's content as base64, refused before reading when it is over the import limit. */
export async function readFileAsBase64(file: File): Promise<string> {
  if (file.size > FILE_LIMITS.bytes) throw new RangeError('too-large');
  return readAsBase64(file);
}
