import type { WriteMarks } from '../event-store/write-timing';
import { percentile, round } from './stats';

/** One step of a command's latency: from the mark before it to its own, over every command that reached it. */
export interface StepTime {
  step: string;
  /** Commands that passed through it (a step a command repeats counts once, its times added). */
  commands: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  /** Its share of the summed latency of all commands. */
  share: number;
}

/**
 * The bench's breakdown of the CommandBus latency (`--breakdown`): each command's marks
 * (write-timing.ts) turned into steps, in the order they first occur, with their mean, p50 and p99
 * and share of the total; a line per step.
 */
export function breakdown(all: readonly WriteMarks[]): StepTime[] {
  const order: string[] = [];
  const times = new Map<string, number[]>();
  let total = 0;
  for (const marks of all) {
    const mine = new Map<string, number>();
    for (let i = 1; i < marks.length; i++) {
      const [step, at] = marks[i];
      mine.set(step, (mine.get(step) ?? 0) + at - marks[i - 1][1]);
    }
    total += marks[marks.length - 1][1] - marks[0][1];
    for (const [step, ms] of mine) {
      if (!times.has(step)) order.push(step), times.set(step, []);
      times.get(step)!.push(ms);
    }
  }
  return order.map((step) => {
    const ms = times.get(step)!;
    const sum = ms.reduce((a, b) => a + b, 0);
    return { step, commands: ms.length, meanMs: round(sum / ms.length, 3), p50Ms: round(percentile(ms, 50), 3), p99Ms: round(percentile(ms, 99), 3), share: round(sum / Math.max(total, 1e-9), 3) };
  });
}

export const breakdownLines = (steps: readonly StepTime[]): string[] =>
  steps.map((s) => `    ${s.step.padEnd(40)} ${String(s.commands).padStart(5)} × mean ${s.meanMs.toFixed(3).padStart(8)} ms, p50 ${s.p50Ms.toFixed(3).padStart(8)}, p99 ${s.p99Ms.toFixed(3).padStart(8)} ms — ${(s.share * 100).toFixed(1).padStart(5)} %`);
