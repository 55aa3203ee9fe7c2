/**
 * Files cross to the services as content, never as a path: the renderer reads what the person picked
 * and sends base64; what comes back (exports, signed reports, evidence) is saved with a download.
 * Reading goes through FileReader (native and asynchronous), decoding through the built-in
 * Uint8Array.fromBase64 where the engine has it, so neither holds up the page. Hashing and
 * thumbnails happen in the services, never here.
 */
export function readAsBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(blob);
  });
}

type WithFromBase64 = typeof Uint8Array & { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> };

export function base64ToBlob(base64: string, mediaType: string): Blob {
  const native = (Uint8Array as WithFromBase64).fromBase64;
  if (native) return new Blob([native(base64)], { type: mediaType });
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mediaType });
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the object URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers bytes that came from the services as base64 for saving under `fileName`. */
export function saveBase64(base64: string, fileName: string, mediaType: string): void {
  downloadBlob(base64ToBlob(base64, mediaType), fileName);
}
