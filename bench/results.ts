/**
 * What a suite of the bench hands to the report: measured rows, ratios between them, and the
 * issue's targets with their verdicts.
 */
import { median, summarize, type Summary } from "./stats";

/** One measured variant. */
export interface Row {
  readonly label: string;
  readonly unit: "s" | "ms";
  readonly summary: Summary;
  /** Shown in the table's last column (e.g. the ratio to the baseline, a resource count). */
  readonly note?: string;
}

/** One of the targets: `actual` must be at most / at least `limit`. */
export interface Target {
  readonly description: string;
  readonly actual: number;
  readonly limit: number;
  readonly direction: "at most" | "at least";
  /** How the actual value was obtained, e.g. the paired per-round range. */
  readonly detail?: string;
}

export interface SuiteResult {
  readonly title: string;
  /** Markdown: what was measured, and how. */
  readonly method: string;
  readonly rows: readonly Row[];
  readonly targets: readonly Target[];
  /** Markdown lines shown under the table. */
  readonly notes: readonly string[];
}

/** A ratio of two variants measured in the same rounds: of the medians, and its per-round range. */
export interface Ratio {
  /** median(numerator) / median(denominator). */
  readonly value: number;
  /** The lowest and highest ratio of the two variants' runs of one round (runs of a round are adjacent). */
  readonly roundMin: number;
  readonly roundMax: number;
}

export function ratio(numerator: readonly number[], denominator: readonly number[]): Ratio {
  const perRound = numerator.map((value, i) => value / denominator[i]);
  const { min, max } = summarize(perRound);
  return { value: median(numerator) / median(denominator), roundMin: min, roundMax: max };
}

/** "0.52x (per round 0.48–0.61x)". */
export function formatRatio(r: Ratio): string {
  return `${r.value.toFixed(2)}x (per round ${r.roundMin.toFixed(2)}–${r.roundMax.toFixed(2)}x)`;
}

/** Whether a target holds. */
export function holds(target: Target): boolean {
  return target.direction === "at most" ? target.actual <= target.limit : target.actual >= target.limit;
}

/** Builds a row from samples. */
export function row(label: string, samples: readonly number[], unit: Row["unit"] = "s", note?: string): Row {
  return { label, unit, summary: summarize(samples), note };
}
