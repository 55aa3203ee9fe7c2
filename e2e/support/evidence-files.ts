import type { Locator } from '@playwright/test';

export interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

function serialise(files: readonly TestFile[]) {
  return files.map((f) => ({ name: f.name, type: f.mimeType, b64: f.buffer.toString('base64') }));
}

/** Drops files on an element as the browser does when files are dragged from the desktop. */
export async function dropFiles(target: Locator, files: readonly TestFile[]): Promise<void> {
  const dataTransfer = await target.page().evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return dt;
  }, serialise(files));
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

/** Pastes an image into the focused element, as Ctrl+V does after copying a photo or a screenshot. */
export async function pasteFile(target: Locator, file: TestFile): Promise<void> {
  await target.focus();
  await target.evaluate(
    (el, f) => {
      const dt = new DataTransfer();
      dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    serialise([file])[0]!,
  );
}
