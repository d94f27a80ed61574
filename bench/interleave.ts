/**
 * Measures variants side by side, interleaved round by round, so that a burst of load on a shared
 * machine hits every variant alike instead of the one that happened to run at that moment.
 */

/** One thing to measure: `measure` runs it once and returns the measured value. */
export interface Variant {
  readonly label: string;
  /** Whether this variant needs the untimed first run (a cache to fill); default: the suite's choice. */
  readonly warmup?: boolean;
  measure(): number;
}

export interface InterleaveOptions {
  /** Timed rounds: every variant runs once per round. */
  readonly runs: number;
  /** Run every variant once first, untimed: fills caches and surfaces failures early (default true). */
  readonly warmup?: boolean;
  /** Shown in the progress lines. */
  readonly name: string;
  /** The unit of the measured values, for the progress lines. */
  readonly unit?: string;
}

/**
 * Runs `runs` rounds; each round runs every variant once, alternating the order from one round to
 * the next (A B, B A, A B, ...) so that neither variant always runs right after the other.
 * Returns the samples of each variant, by label.
 */
export function measureInterleaved(variants: readonly Variant[], options: InterleaveOptions): Map<string, number[]> {
  const unit = options.unit ?? "s";
  for (const variant of variants) {
    if (variant.warmup ?? options.warmup ?? true) {
      const value = variant.measure();
      progress(`[${options.name}] warm-up  ${variant.label}: ${format(value, unit)}`);
    }
  }
  const samples = new Map<string, number[]>(variants.map((variant) => [variant.label, []]));
  for (let round = 0; round < options.runs; round++) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      const value = variant.measure();
      samples.get(variant.label)!.push(value);
      progress(`[${options.name}] run ${round + 1}/${options.runs}  ${variant.label}: ${format(value, unit)}`);
    }
  }
  return samples;
}

function format(value: number, unit: string): string {
  return `${value.toFixed(unit === "s" ? 2 : 0)} ${unit}`;
}

/** A progress line on stderr, so that stdout stays clean. */
export function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}
