/**
 * Benchmark kit shared by every package's `bench/*.bench.ts`. A suite pairs each case with a
 * baseline measured in the same run, because on a shared 2-core machine only ratios are stable.
 */
export interface BenchCase {
  readonly name: string
  /** One operation. Its return value is kept alive so the engine cannot drop the work. */
  readonly fn: () => unknown
  /** Domain items one call processes (ballots, households, transfers), for items/s. */
  readonly items?: number
  /** Unit of `items`, e.g. "ballots". */
  readonly unit?: string
  /**
   * The goal this case is measured against, checked and reported (never asserted in tests):
   * a throughput floor in items/s, a time ceiling per call in ms, and/or a ceiling on
   * (case time ÷ baseline time).
   */
  readonly target?: { readonly minItemsPerSecond?: number; readonly maxMsPerOp?: number; readonly maxRatio?: number }
}

export interface BenchSuite {
  readonly name: string
  /** What the cases are compared with: a hand-written loop, a naive method, an earlier algorithm. */
  readonly baseline: BenchCase
  readonly cases: ReadonlyArray<BenchCase>
}

export const defineSuite = (suite: BenchSuite): BenchSuite => suite
