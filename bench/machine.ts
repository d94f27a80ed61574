/**
 * The machine the bench ran on: the numbers mean little without it.
 */
import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { availableParallelism, cpus, loadavg, release, totalmem, type } from "os";

export interface Machine {
  readonly node: string;
  readonly npm: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
}

export function describeMachine(): Machine {
  return {
    node: process.version,
    npm: execFileSync("npm", ["--version"], { encoding: "utf-8" }).trim(),
    cpu: cpuModel(),
    cores: availableParallelism(),
    memoryGiB: totalmem() / 1024 ** 3,
    os: `${type()} ${release()}`,
  };
}

/** The CPU model as /proc/cpuinfo names it (Linux), or as node does elsewhere. */
function cpuModel(): string {
  if (existsSync("/proc/cpuinfo")) {
    const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf-8"));
    if (model) {
      return model[1].trim();
    }
  }
  return cpus()[0]?.model ?? "unknown";
}

/** The 1-minute load average, rounded: how busy the (shared) machine was. */
export function loadAverage(): number {
  return Math.round(loadavg()[0] * 100) / 100;
}
