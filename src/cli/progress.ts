// A one-line progress indicator for long loads, drawn on standard error only when it is a
// terminal, so piped and captured output stays clean.
import type { WriteStream } from 'node:tty';

export interface Progress {
  update(text: string): void;
  done(): void;
}

const NONE: Progress = { update: () => undefined, done: () => undefined };
/** Redraws at most this often: a terminal cannot show more, and each write costs. */
const REDRAW_MS = 100;

/** A progress line on `stream` if it is a terminal; a silent one otherwise. */
export function progressLine(stream: NodeJS.WriteStream | WriteStream): Progress {
  if (!stream.isTTY) return NONE;
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      if (now - last < REDRAW_MS) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[2K${text.slice(0, Math.max(10, (stream.columns || 80) - 1))}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}

/** "12.3 MB" style sizes for progress lines. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit] ?? 'GB'}`;
}
