// Summaries of repeated measurements: every figure of the benchmark is the median of several runs,
// reported with the smallest and largest run so the spread on a shared machine stays visible.

/** The median, smallest and largest of several runs. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Number of runs summarised. */
  runs: number;
}

/** Median (the mean of the two middle values for an even count), min and max of `values`. */
export function summarize(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('Nothing to summarise: no run produced a value.');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] ?? NaN)
      : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return {
    median,
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    runs: values.length,
  };
}

/**
 * Ratios of paired runs (`values[i] / baseline[i]`, measured one after the other), summarised. Pairs
 * share the machine's mood of the moment, so their ratio drifts less than either time.
 */
export function pairedRatio(values: readonly number[], baseline: readonly number[]): Summary {
  if (values.length !== baseline.length)
    throw new Error(`Cannot pair ${values.length} runs with ${baseline.length} baseline runs.`);
  return summarize(values.map((v, i) => v / (baseline[i] ?? NaN)));
}
