import { FILE_LIMITS } from '../../../../shared/framework/sheet-layout';

/**
 * Files cross to the services as content, never as a path: the person picks a file, the renderer reads
 * it with the File API and sends it as base64; an export comes back the same way and is saved with a
 * download. The services never open a path that the renderer chose.
 */
export async function readFileAsBase64(file: File): Promise<string> {
  if (file.size > FILE_LIMITS.bytes) throw new RangeError('too-large');
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
  return dataUrl.slice(dataUrl.indexOf(',') + 1);
}

export function saveDownload(fileName: string, mediaType: string, contentBase64: string): void {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the object URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
