// Turns whatever a caller holds — a string, bytes, a web stream, an async iterable of chunks,
// gzipped or not — into one sequence of decoded text chunks, counting the bytes read on the way.
// Uses only web-platform APIs (TextDecoder, DecompressionStream) so it runs in Node, workers and
// browsers alike.

/** Input accepted by `parseRdf`. */
export type RdfInput =
  string | Uint8Array | AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array>;

/** Size of the slices a string or byte array is cut into, so progress and cancellation can act. */
const SLICE = 256 * 1024;

/** A decoding problem: bytes that are not text in the expected encoding, or a broken gzip stream. */
export class InputDecodeError extends Error {
  override readonly name = 'InputDecodeError';
}

export interface TextChunkOptions {
  /** Decompress: true, false, or undefined to detect gzip by its magic bytes. */
  gzip: boolean | undefined;
  /** Chooses the character encoding from the first bytes (after decompression); default UTF-8. */
  encoding?: (head: Uint8Array) => string;
  /** Called with the number of input bytes (before decompression) each time more are read. */
  onBytes: (bytes: number) => void;
}

/**
 * The input as decoded text chunks, in order. A leading byte order mark is dropped. Throws
 * `InputDecodeError` for bytes that are not valid in the encoding, naming the byte offset.
 */
export async function* textChunks(
  input: RdfInput,
  options: TextChunkOptions,
): AsyncGenerator<string, void, undefined> {
  if (typeof input === 'string') {
    if (options.gzip === true) {
      throw new InputDecodeError('gzip was requested, but the input is already text');
    }
    const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
    let start = 0;
    while (start < text.length) {
      // NOTE: never cut a surrogate pair in two; the lexer would see a lone half.
      let end = Math.min(start + SLICE, text.length);
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end += 1;
      options.onBytes(end);
      yield text.slice(start, end);
      start = end;
    }
    return;
  }
  let read = 0;
  const counted = mapBytes(byteChunks(input), (chunk) => {
    read += chunk.byteLength;
    options.onBytes(read);
  });
  const [head, bytes] = await peek(counted);
  const gzip = options.gzip ?? (head !== undefined && head[0] === 0x1f && head[1] === 0x8b);
  const plain = gzip ? gunzip(bytes) : bytes;
  let decoder: TextDecoder | undefined;
  let decodedBytes = 0;
  for await (const chunk of plain) {
    if (decoder === undefined) {
      const label = options.encoding?.(chunk) ?? 'utf-8';
      try {
        decoder = new TextDecoder(label, { fatal: true });
      } catch (error) {
        throw new InputDecodeError(`the character encoding "${label}" is not supported`, {
          cause: error,
        });
      }
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch (error) {
      throw new InputDecodeError(invalidText(decoder.encoding, chunk, decodedBytes), {
        cause: error,
      });
    }
    decodedBytes += chunk.byteLength;
    if (text !== '') yield text;
  }
  if (decoder !== undefined) {
    let rest: string;
    try {
      rest = decoder.decode();
    } catch (error) {
      throw new InputDecodeError(
        `the input ends in the middle of a ${decoder.encoding} character; the file may be truncated`,
        { cause: error },
      );
    }
    if (rest !== '') yield rest;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

async function* byteChunks(
  input: Uint8Array | AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array>,
): AsyncGenerator<Uint8Array, void, undefined> {
  if (input instanceof Uint8Array) {
    for (let i = 0; i < input.byteLength; i += SLICE) yield input.subarray(i, i + SLICE);
    return;
  }
  if (isReadableStream(input)) {
    // NOTE: read through a reader rather than `for await`, which web streams only gained recently
    // in some browsers.
    const reader = input.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      // Stops the producer (a file read, a download) when the consumer gives up early.
      await reader.cancel().catch(() => undefined);
    }
  }
  const encoder = new TextEncoder();
  for await (const chunk of input) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof (value as ReadableStream<Uint8Array> | undefined)?.getReader === 'function';
}

async function* mapBytes(
  chunks: AsyncIterable<Uint8Array>,
  observe: (chunk: Uint8Array) => void,
): AsyncGenerator<Uint8Array, void, undefined> {
  for await (const chunk of chunks) {
    observe(chunk);
    yield chunk;
  }
}

/** The first non-empty chunk, and an iterable that still yields every chunk from the start. */
async function peek(
  chunks: AsyncGenerator<Uint8Array, void, undefined>,
): Promise<[Uint8Array | undefined, AsyncGenerator<Uint8Array, void, undefined>]> {
  let first: Uint8Array | undefined;
  for (;;) {
    const next = await chunks.next();
    if (next.done === true) break;
    if (next.value.byteLength > 0) {
      first = next.value;
      break;
    }
  }
  async function* all(): AsyncGenerator<Uint8Array, void, undefined> {
    try {
      if (first !== undefined) yield first;
      yield* chunks;
    } finally {
      await chunks.return(undefined);
    }
  }
  return [first, all()];
}

async function* gunzip(
  chunks: AsyncGenerator<Uint8Array, void, undefined>,
): AsyncGenerator<Uint8Array, void, undefined> {
  const compressed = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done === true) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  // NOTE: the DOM typings want BufferSource chunks; a Uint8Array stream is exactly that.
  const reader = compressed
    .pipeThrough(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>)
    .getReader();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        throw new InputDecodeError(
          `the gzip data is damaged or truncated (${error instanceof Error ? error.message : String(error)})`,
          { cause: error },
        );
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** Describes the first byte sequence that is not valid UTF-8 (or names the encoding otherwise). */
function invalidText(encoding: string, chunk: Uint8Array, offset: number): string {
  if (encoding !== 'utf-8') return `the input is not valid ${encoding} text`;
  const at = firstInvalidUtf8(chunk);
  const byte = chunk[at];
  const where = `byte ${(offset + at).toLocaleString('en-US')}`;
  const hex = byte === undefined ? '' : ` 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return `the input is not UTF-8 text (invalid byte${hex} at ${where}); convert the file to UTF-8`;
}

/**
 * Index of the first byte that does not start or continue a valid UTF-8 sequence. A sequence left
 * open at the end of the chunk counts as valid (the next chunk may complete it).
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return bytes.length;
      const c = bytes[i + k] ?? 0;
      // The second byte of E0, ED, F0 and F4 sequences has a narrower range (no overlongs, no
      // surrogates, nothing above U+10FFFF).
      const low = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
      const high = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
      if (c < low || c > high) return i;
    }
    i += length;
  }
  return bytes.length;
}
