/** One benchmark figure, printed as one JSON line. `baseline` is a comparable figure measured in the same run. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  n: number;
  baseline?: { name: string; value: number; unit: string };
  notes?: string;
}

export function report(figure: BenchFigure): void {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

/** Wall-clock milliseconds of an async function, rounded to 0.1 ms. */
export async function timeMs<T>(work: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: Math.round((performance.now() - start) * 10) / 10, result };
}
