import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freshBuiltExportWorker } from '../../electron/core/exports/export-files'
import { buildHotel } from './hotel-fixture'
import { heading, ms, table, verdict } from './report'
import type { Budget } from './store-files'

export interface ManagerDeskPlan {
  /** Guests in the hotel whose whole list goes to CSV and XLSX (issue 11: 100,000). */
  listGuests: number
  /** Guests in the hotel exported to JSON, imported into an empty store and backed up (200,000). */
  fullGuests: number
  pastStays: number
}

/** Issue 11's budgets for a list of 100,000 guests. */
const csvBudgetMs = 2_000
const xlsxBudgetMs = 10_000

interface CaseResult {
  ms: number
  bytes: number
  guests: number
  baselineMiB: number
  peakMiB: number
}

const caseScript = fileURLToPath(new URL('./manager-desk-case.ts', import.meta.url))
const root = path.resolve(path.dirname(caseScript), '../..')

/** One case in a process of its own (its peak memory is its own), as the hub would run it: export jobs in a worker thread. */
function runCase(kind: string, store: string, work: string): CaseResult {
  const out = execFileSync(process.execPath, ['--import', 'tsx', caseScript, kind, store, work], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] })
  const line = out.trim().split('\n').at(-1) ?? ''
  return JSON.parse(line) as CaseResult
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/**
 * Issue 11: the manager's exports and backups on a big hotel. A guest list of every guest of a
 * 100,000-guest hotel to CSV (≤ 2 s) and XLSX (≤ 10 s), through `export.start` (a worker thread)
 * until `export.status` says done; the full JSON export of the 200,000-guest hotel, its import
 * into an empty store (`transfer.import`, search index rebuilt), and an online backup of it
 * (SQLite's backup API, then its integrity check). Each case runs in a process of its own and
 * reports its peak resident memory beside the memory the process held before the case began.
 */
export function runManagerDeskBench(dir: string, plan: ManagerDeskPlan, log: (line: string) => void): Budget[] {
  log(heading(`Issue 11: the manager's desk (lists of ${plan.listGuests.toLocaleString('en')}; full export, import and backup of ${plan.fullGuests.toLocaleString('en')} guests)`))
  const hotels: Record<'list' | 'full', string> = { list: path.join(dir, 'desk-list', 'zhike.db'), full: path.join(dir, 'desk-full', 'zhike.db') }
  for (const [which, guests] of [['list', plan.listGuests], ['full', plan.fullGuests]] as const) {
    fs.mkdirSync(path.dirname(hotels[which]), { recursive: true })
    const hotel = buildHotel(hotels[which], { rooms: 2_000, guests, preferences: true, pastStays: plan.pastStays, inHouse: 300, arrivals: 100 }, { seed: which === 'list' ? 11 : 12 })
    hotel.core.close()
    log(`built the ${guests.toLocaleString('en')}-guest hotel in ${hotel.build.total.toFixed(0)} s`)
  }
  // Export workers run from the build, as in the desktop app (and `npm run serve`, which builds first).
  if (!freshBuiltExportWorker(root)) {
    log('building (electron-vite build) so export workers start from the build…')
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'ignore' })
  }
  const work = path.join(dir, 'desk-work')
  fs.mkdirSync(work, { recursive: true })
  const rows: (string | number)[][] = []
  const budgets: Budget[] = []
  const measure = (label: string, kind: string, store: string, budgetMs: number | null) => {
    const r = runCase(kind, store, work)
    const pass = budgetMs === null || r.ms <= budgetMs
    rows.push([label, r.guests ? r.guests.toLocaleString('en') : '—', mb(r.bytes), ms(r.ms), budgetMs === null ? '—' : ms(budgetMs), `${r.peakMiB} MiB (${r.baselineMiB} before)`, budgetMs === null ? '' : verdict(pass)])
    if (budgetMs !== null) budgets.push({ scenario: `manager's desk: ${label}`, name: `≤ ${ms(budgetMs)}`, measured: ms(r.ms), pass })
    return r
  }
  measure('guest list to CSV (UTF-8 BOM)', 'csv', hotels.list, csvBudgetMs)
  measure('guest list to XLSX (exceljs, streamed)', 'xlsx', hotels.list, xlsxBudgetMs)
  measure('full JSON export', 'json', hotels.full, null)
  measure('full JSON import into an empty store', 'import', hotels.full, null)
  measure('online backup (+ integrity check)', 'backup', hotels.full, null)
  log(table(['case', 'guests', 'file', 'time', 'budget', 'peak memory (RSS)', ''], rows))
  log('Export jobs run in a worker thread started from the build (the time includes starting it); the import runs in one transaction and rebuilds the search index.')
  return budgets
}
