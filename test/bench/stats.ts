import { performance } from 'node:perf_hooks'

/** Nearest-rank percentile of samples (ms). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

export interface Summary {
  n: number
  p50: number
  p95: number
  max: number
}

export function summarize(samples: readonly number[]): Summary {
  return { n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: percentile(samples, 100) }
}

/** Times one call in milliseconds. */
export function time(fn: () => void): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}

/**
 * Times two implementations of the same work side by side: iteration i runs ours on input
 * a(i) and raw on input b(i), alternating which goes first, so machine noise and cache
 * warmth fall on both alike. `after` runs untimed (e.g. checking the guest out again).
 */
export function race<I>(options: {
  iterations: number
  warmup: number
  input: (i: number, side: 'ours' | 'raw') => I
  ours: (input: I) => void
  raw: (input: I) => void
  after?: (input: I, side: 'ours' | 'raw') => void
  /** Timed too, once per iteration: a reference such as the bare cost of a commit. */
  alongside?: () => void
}): { ours: number[]; raw: number[]; alongside: number[] } {
  const ours: number[] = []
  const raw: number[] = []
  const alongside: number[] = []
  const total = options.warmup + options.iterations
  for (let i = 0; i < total; i++) {
    const a = options.input(i, 'ours')
    const b = options.input(i, 'raw')
    const runOurs = () => {
      const ms = time(() => options.ours(a))
      options.after?.(a, 'ours')
      if (i >= options.warmup) ours.push(ms)
    }
    const runRaw = () => {
      const ms = time(() => options.raw(b))
      options.after?.(b, 'raw')
      if (i >= options.warmup) raw.push(ms)
    }
    if (i % 2 === 0) {
      runOurs()
      runRaw()
    } else {
      runRaw()
      runOurs()
    }
    if (options.alongside) {
      const ms = time(options.alongside)
      if (i >= options.warmup) alongside.push(ms)
    }
  }
  return { ours, raw, alongside }
}

/** Named laps of a build, in seconds. */
export class Stopwatch {
  readonly laps: { label: string; seconds: number }[] = []
  private last = performance.now()

  lap(label: string): number {
    const now = performance.now()
    const seconds = (now - this.last) / 1000
    this.laps.push({ label, seconds })
    this.last = now
    return seconds
  }

  get total(): number {
    return this.laps.reduce((sum, l) => sum + l.seconds, 0)
  }
}
