/**
 * The few platform globals shared/ may use: both places it runs (the renderer's browser and Node) have
 * them, with these signatures. Only tsconfig.shared.json reads this file; every other project gets the
 * full definitions from the DOM library or @types/node. Add a global here only if both runtimes have it.
 */

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

declare function structuredClone<T>(value: T): T;
