// The time since something started, ticking while it is shown: "0.4 s", "12 s".
import { useEffect, useState } from 'react';

/** Seconds as a person reads them, a tenth of a second below ten. */
export function formatSeconds(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  return s < 10 ? `${s.toFixed(1)} s` : `${Math.round(s).toLocaleString('en')} s`;
}

/** Milliseconds as a person reads them where they are usually short: "35 ms", "1.2 s". */
export function formatElapsed(ms: number): string {
  return ms < 1000 ? `${Math.round(ms).toLocaleString('en')} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The time elapsed since `startedAt` (a performance.now() value), updated ten times a second. */
export function Elapsed({
  startedAt,
  format = formatSeconds,
}: {
  startedAt: number;
  format?: (ms: number) => string;
}) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(performance.now());
    }, 100);
    return () => {
      clearInterval(timer);
    };
  }, []);
  return <>{format(Math.max(0, now - startedAt))}</>;
}
