// Guards against quadratic blow-ups on hostile text without a wall-clock limit: a fixed limit in
// milliseconds fails on a busy machine, while the ratio between two sizes of the same input does
// not depend on how fast the machine is. Linear work grows about 8× from 1/8 of the text to all
// of it; quadratic work grows 64×.

function timeOf(run: () => unknown): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

/**
 * How many times longer `fn` takes on `large` than on `small`. Best of `tries` runs each, taken in
 * turns so that both see the same load: a busy machine slows single runs, never the best one, and
 * slows both alike.
 */
export function timeRatio(
  fn: (text: string) => unknown,
  small: string,
  large: string,
  tries = 5,
): number {
  fn(small); // warm up the JIT
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let i = 0; i < tries; i++) {
    bestSmall = Math.min(
      bestSmall,
      timeOf(() => fn(small)),
    );
    bestLarge = Math.min(
      bestLarge,
      timeOf(() => fn(large)),
    );
  }
  // A floor of 50 µs keeps a near-zero small time from inflating the ratio.
  return bestLarge / Math.max(bestSmall, 0.05);
}

/** How many times longer `fn` takes on `unit` repeated `repeats` times than on an eighth of that. */
export function growthRatio(fn: (text: string) => unknown, unit: string, repeats: number): number {
  return timeRatio(fn, unit.repeat(Math.max(1, Math.floor(repeats / 8))), unit.repeat(repeats));
}

/** Linear is 8 and quadratic 64: 32 leaves room for noise and garbage collection. */
export const LINEAR_LIMIT = 32;
