import type { Clock } from '../clock'

/** Failures from one address against one staff code before that pair waits. */
const perPairFree = 5
/** Failures from one address, whatever codes it tries, before that address waits. */
const perAddressFree = 20
/** The first wait, in ms; each further failure doubles it, up to `maxWaitMs`. */
const firstWaitMs = 30_000
const maxWaitMs = 15 * 60_000
/** A failure older than this (ms) is forgotten. */
const memoryMs = 60 * 60_000
/** At most this many (code, address) and address records are kept; the stalest go first. */
const maxRecords = 5_000

interface Record {
  failures: number
  last: number
  until: number
  code: string | null
  address: string
}

export interface Lockout {
  code: string | null
  address: string
  failures: number
  /** ISO time the wait ends. */
  until: string
}

/**
 * Slows down wrong PINs and setup codes per (staff code, client address) and per client address,
 * never per code alone: someone guessing from one phone cannot lock a colleague (or the
 * administrator) out of another terminal. Records are bounded (`maxRecords`, oldest dropped) and
 * forgotten an hour after the last failure, so made-up codes cannot fill memory.
 */
export class SignInThrottle {
  private records = new Map<string, Record>()

  constructor(private clock: Clock) {}

  /** The time (ms since epoch) until which this attempt must wait, or 0 when it may go ahead. */
  waitUntil(code: string | null, address: string): number {
    const now = this.clock.now().getTime()
    let until = 0
    for (const key of [pairKey(code, address), addressKey(address)]) {
      const record = this.fresh(key, now)
      if (record && record.until > now) until = Math.max(until, record.until)
    }
    return until
  }

  /**
   * Counts a failure. Returns true when this failure starts a wait (a lockout worth recording).
   */
  recordFailure(code: string | null, address: string): boolean {
    const now = this.clock.now().getTime()
    const pair = this.bump(pairKey(code, address), code, address, now, perPairFree)
    const byAddress = this.bump(addressKey(address), null, address, now, perAddressFree)
    return pair || byAddress
  }

  /** A right PIN clears that pair's failures (not the address's, so guessing stays slow). */
  recordSuccess(code: string, address: string): void {
    this.records.delete(pairKey(code, address))
  }

  /** An administrator's unlock: every wait on this staff code, from every address. Returns how many records went. */
  unlockCode(code: string): number {
    return this.forget((record) => record.code === code)
  }

  /** An administrator's unlock of one client address (and every code tried from it). */
  unlockAddress(address: string): number {
    return this.forget((record) => record.address === address)
  }

  private forget(matches: (record: Record) => boolean): number {
    let n = 0
    for (const [key, record] of this.records) {
      if (matches(record)) {
        this.records.delete(key)
        n++
      }
    }
    return n
  }

  /** Waits in force now, longest first. */
  lockouts(): Lockout[] {
    const now = this.clock.now().getTime()
    return [...this.records.values()]
      .filter((r) => r.until > now)
      .sort((a, b) => b.until - a.until)
      .map((r) => ({ code: r.code, address: r.address, failures: r.failures, until: new Date(r.until).toISOString() }))
  }

  /** How many records are kept (bounded by `maxRecords`). */
  get size(): number {
    return this.records.size
  }

  private fresh(key: string, now: number): Record | undefined {
    const record = this.records.get(key)
    if (record && now - record.last > memoryMs) {
      this.records.delete(key)
      return undefined
    }
    return record
  }

  private bump(key: string, code: string | null, address: string, now: number, free: number): boolean {
    const record = this.fresh(key, now) ?? { failures: 0, last: now, until: 0, code, address }
    record.failures += 1
    record.last = now
    let startsWait = false
    if (record.failures >= free) {
      const wait = Math.min(maxWaitMs, firstWaitMs * 2 ** (record.failures - free))
      startsWait = record.until <= now
      record.until = now + wait
    }
    // Re-insert so Map order is least recently failed first; drop the stalest beyond the bound.
    this.records.delete(key)
    this.records.set(key, record)
    while (this.records.size > maxRecords) this.records.delete(this.records.keys().next().value!)
    return startsWait
  }
}

const pairKey = (code: string | null, address: string) => `c\u0000${code ?? ''}\u0000${address}`
const addressKey = (address: string) => `a\u0000${address}`
