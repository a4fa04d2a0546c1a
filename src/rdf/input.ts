// Turns whatever a caller holds — a string, bytes, a web stream, an async iterable of chunks,
// gzipped or not — into one sequence of decoded text chunks of bounded size, counting the bytes read
// on the way. Uses only web-platform APIs (TextDecoder, DecompressionStream) so it runs in Node,
// workers and browsers alike.
import { describeBinary } from './sniff.ts';

/** Input accepted by `parseRdf`. */
export type RdfInput =
  string | Uint8Array | AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array>;

/**
 * Most characters (or bytes) in one chunk: inputs are cut into slices of this size, so progress,
 * cancellation and the readers' limit checks act at least this often, whatever chunks a caller or
 * a stream delivers.
 */
const SLICE = 256 * 1024;

/**
 * A decoding problem: bytes that are not text in the expected encoding, or a broken gzip stream.
 * NOTE: for invalid UTF-8, the valid text before the bad byte is yielded first, so the reader that
 * consumed it knows the line and column where the bad byte sits.
 */
export class InputDecodeError extends Error {
  override readonly name = 'InputDecodeError';
  /** What the user can do about it. */
  readonly hint: string | undefined;
  /**
   * True when the problem sits right after the text decoded so far (a bad byte, a character cut
   * off at the end), so that its line and column are known; false for a broken gzip stream.
   */
  readonly inText: boolean;

  constructor(message: string, options?: { cause?: unknown; hint?: string; inText?: boolean }) {
    super(message, { cause: options?.cause });
    this.hint = options?.hint;
    this.inText = options?.inText ?? false;
  }
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
    let sent = 0;
    for (const slice of slices(text)) {
      sent += slice.length;
      options.onBytes(sent);
      yield slice;
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
  let first: Uint8Array | undefined;
  let decodedBytes = 0;
  /** The bytes at the end of the previous chunk that start a character the next one completes. */
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of plain) {
    if (decoder === undefined) {
      first = chunk;
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
      const hint = describeBinary(first ?? chunk) ?? 'convert the file to UTF-8';
      if (decoder.encoding !== 'utf-8') {
        throw new InputDecodeError(`the input is not valid ${decoder.encoding} text`, {
          cause: error,
          hint,
        });
      }
      const joined = concat(carry, chunk);
      const at = firstInvalidUtf8(joined);
      // The text before the bad byte, so the reader can say where the bad byte is.
      const valid = new TextDecoder('utf-8', { ignoreBOM: decodedBytes > 0 }).decode(
        joined.subarray(0, at),
      );
      yield* slices(valid);
      throw new InputDecodeError(invalidUtf8(joined[at], decodedBytes - carry.length + at), {
        cause: error,
        hint,
        inText: true,
      });
    }
    decodedBytes += chunk.byteLength;
    if (decoder.encoding === 'utf-8') {
      carry = unfinishedCharacter(
        chunk.byteLength >= 4 ? chunk.subarray(-4) : concat(carry, chunk),
      );
    }
    yield* slices(text);
  }
  if (decoder !== undefined) {
    let rest: string;
    try {
      rest = decoder.decode();
    } catch (error) {
      throw new InputDecodeError(
        `the input ends in the middle of a ${decoder.encoding} character`,
        {
          cause: error,
          hint: 'the file may be truncated: download or copy it again',
          inText: true,
        },
      );
    }
    yield* slices(rest);
  }
}

/** `text` in pieces of at most SLICE characters, never splitting a surrogate pair. */
function* slices(text: string): Generator<string, void, undefined> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + SLICE, text.length);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end += 1;
    yield text.slice(start, end);
    start = end;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.byteLength === 0) return b;
  const joined = new Uint8Array(a.byteLength + b.byteLength);
  joined.set(a);
  joined.set(b, a.byteLength);
  return joined;
}

/** The last bytes of `bytes` when they start a UTF-8 character that they do not finish. */
function unfinishedCharacter(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.byteLength); back++) {
    const b = bytes[bytes.byteLength - back] ?? 0;
    if (b < 0x80) break;
    if (b >= 0xc0) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return length > back ? bytes.slice(bytes.byteLength - back) : new Uint8Array(0);
    }
  }
  return new Uint8Array(0);
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

/** Names the first byte that is not UTF-8 and its offset in the (decompressed) input. */
function invalidUtf8(byte: number | undefined, offset: number): string {
  const hex = byte === undefined ? '' : ` 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return `the input is not UTF-8 text (invalid byte${hex} at byte ${offset.toLocaleString('en-US')})`;
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

/**
 * The character encoding of an XML document from its first bytes: a byte order mark, else the
 * `encoding` of its XML declaration, else UTF-8 (XML's default).
 */
export function xmlEncoding(head: Uint8Array): string {
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  // The declaration is ASCII in every ASCII-compatible encoding, so Latin-1 reads it safely.
  const start = new TextDecoder('latin1').decode(head.subarray(0, 200));
  return (
    /^(?:\uFEFF|ï»¿)?<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(start)?.[1] ??
    'utf-8'
  );
}
