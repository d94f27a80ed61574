/**
 * Summary statistics of repeated measurements: on a noisy shared machine the median is the
 * number to read, and the spread says how far to trust it.
 */

/** The median, quartiles and extremes of a set of samples. */
export interface Summary {
  readonly samples: readonly number[];
  readonly median: number;
  /** First quartile (25th percentile, linear interpolation). */
  readonly q1: number;
  /** Third quartile (75th percentile, linear interpolation). */
  readonly q3: number;
  readonly min: number;
  readonly max: number;
}

/** Summarizes samples; fails on an empty set, which would be a bug in the bench. */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) {
    throw new Error("summarize: no samples");
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samples,
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/** The q-quantile of sorted samples, interpolating between the two nearest ranks. */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** The median of samples. */
export function median(samples: readonly number[]): number {
  return summarize(samples).median;
}
