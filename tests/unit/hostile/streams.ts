// Big hostile inputs made on the fly as streams of text (async generators), so a 100 MB line or a
// million prefixes never sits on disk or whole in memory; and helpers that cut any input into
// chunks, as a network or a file reader would deliver it.

/** Characters per generated chunk. */
const CHUNK = 64 * 1024;

/** `head`, then `unit` repeated `count` times, then `tail`, in chunks of about 64 KiB. */
export async function* repeated(
  head: string,
  unit: string,
  count: number,
  tail: string,
): AsyncGenerator<string, void, undefined> {
  yield head;
  const perChunk = Math.max(1, Math.floor(CHUNK / unit.length));
  const block = unit.repeat(perChunk);
  for (let left = count; left > 0; left -= perChunk) {
    // As a stream would, hand over one chunk at a time.
    await Promise.resolve();
    yield left >= perChunk ? block : unit.repeat(left);
  }
  yield tail;
}

/** The lines `make(i)` for i from 0 to count - 1, then `tail`, in chunks of about 64 KiB. */
export async function* lines(
  count: number,
  make: (i: number) => string,
  tail = '',
): AsyncGenerator<string, void, undefined> {
  let chunk = '';
  for (let i = 0; i < count; i++) {
    chunk += make(i);
    if (chunk.length >= CHUNK) {
      await Promise.resolve();
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + tail;
}

/** `bytes` cut into chunks of `size` bytes. */
export async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) {
    await Promise.resolve();
    yield bytes.subarray(i, i + size);
  }
}

/** Bytes that look like nothing: a fixed-seed linear congruential sequence. */
export function garbage(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}
