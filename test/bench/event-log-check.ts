import Database from 'better-sqlite3'
import { eventVisibleTo } from '../../electron/core/event-visibility'
import type { CoreEvent } from '../../electron/core/events'
import type { SseTerminal } from './sse-terminal'

/** One terminal's stream held against the hub's event log. */
export interface TerminalTally {
  code: string
  department: string
  expected: number
  received: number
  /** Expected, never received. */
  lost: number[]
  /** Extra copies of events already received. */
  duplicates: number
  /** Received, though the log says this person may not see it. */
  leaked: number
  /** Received ids the run's log does not hold (older events, or ids it never gave). */
  unknown: number
  /** Received with another name than the log's. */
  misnamed: number
  /** Receive time − created_at, per received expected event (ms). */
  latencies: number[]
  reconnects: number
  /** Times the hub told it to reload (it missed more than the log keeps). */
  reloads: number
  withoutId: number
  failure: string | null
}

export interface LogCheck {
  /** Events the hub logged during the run, by name. */
  logged: Map<string, number>
  tallies: TerminalTally[]
  /** A few lost deliveries, for the report. */
  lostExamples: { terminal: string; id: number; name: string; createdAt: string }[]
  /** A few received ids the run's log does not hold. */
  unknownExamples: { terminal: string; id: number; name: string }[]
}

interface LoggedRow {
  id: number
  name: string
  payload: string
  created_at: string
}

/**
 * Reads the stopped hub's store (read-only) and compares each terminal's received ids with the
 * events logged since `since` (ms epoch) that its staff member may see.
 */
export function checkAgainstLog(file: string, since: number, terminals: readonly SseTerminal[]): LogCheck {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  let rows: LoggedRow[]
  try {
    const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'core_event'").get()
    if (!table) throw new Error(`the store ${file} has no core_event table: the hub this bench ran keeps no event log`)
    rows = sqlite.prepare('SELECT id, name, payload, created_at FROM core_event ORDER BY id').all() as LoggedRow[]
  } finally {
    sqlite.close()
  }
  const run = rows.filter((r) => Date.parse(r.created_at) >= since)
  const events = run.map((r) => ({ row: r, event: { name: r.name, payload: JSON.parse(r.payload) } as CoreEvent, at: Date.parse(r.created_at) }))
  const byId = new Map(events.map((e) => [e.row.id, e]))
  const logged = new Map<string, number>()
  for (const r of run) logged.set(r.name, (logged.get(r.name) ?? 0) + 1)

  const lostExamples: LogCheck['lostExamples'] = []
  const unknownExamples: LogCheck['unknownExamples'] = []
  const tallies = terminals.map((terminal): TerminalTally => {
    const actor = terminal.session.actor
    const tally: TerminalTally = {
      code: actor.code,
      department: actor.department,
      expected: 0,
      received: 0,
      lost: [],
      duplicates: 0,
      leaked: 0,
      unknown: 0,
      misnamed: 0,
      latencies: [],
      reconnects: terminal.reconnects,
      reloads: terminal.signals.get('reload') ?? 0,
      withoutId: terminal.withoutId,
      failure: terminal.failure,
    }
    for (const e of events) {
      if (!eventVisibleTo(actor, e.event)) continue
      tally.expected++
      const heard = terminal.heard.get(e.row.id)
      if (!heard) {
        tally.lost.push(e.row.id)
        if (lostExamples.length < 10) lostExamples.push({ terminal: actor.code, id: e.row.id, name: e.row.name, createdAt: e.row.created_at })
        continue
      }
      tally.received++
      tally.latencies.push(heard.at - e.at)
    }
    for (const [id, heard] of terminal.heard) {
      tally.duplicates += heard.copies - 1
      const e = byId.get(id)
      if (!e) {
        tally.unknown++
        if (unknownExamples.length < 5) unknownExamples.push({ terminal: actor.code, id, name: heard.name })
      } else {
        if (!eventVisibleTo(actor, e.event)) tally.leaked++
        if (heard.name !== e.row.name) tally.misnamed++
      }
    }
    return tally
  })
  return { logged, tallies, lostExamples, unknownExamples }
}
