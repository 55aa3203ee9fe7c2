import { Writable } from 'node:stream';

/**
 * Collects an entry in memory, for the manifest and JSON files, whose size is already bounded by the
 * limits and checked by the verifier upstream; `maxBytes` is a second fence, not the first.
 */
export function collectInto(maxBytes: number): { sink: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  let length = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      length += chunk.length;
      if (length > maxBytes) return done(new Error('too many bytes for the collector'));
      chunks.push(chunk);
      done();
    },
  });
  return { sink, bytes: () => Buffer.concat(chunks, length) };
}

/** Lets the bytes go: verifying an entry needs only its hash. */
export function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
