import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { runCheckInBench, type CheckInPlan } from './check-in-bench'
import { runEventsBench, type EventsPlan } from './events-bench'
import { runFirstPaintBench, type FirstPaintPlan } from './first-paint-bench'
import { runPmsImportBench, type PmsImportPlan } from './pms-import-bench'
import { heading, table } from './report'
import { runSchedulerBench, type SchedulerPlan } from './scheduler-bench'
import { runSearchBench, type SearchPlan } from './search-bench'
import { benchFolder, type Budget } from './store-files'

/**
 * npm run bench [-- --quick] [--only=checkin|search|firstpaint|events|pms|scheduler] [--renderer=DIR] [--keep]
 * npm run bench -- events [search …]   (the same as --only, for one or more benchmarks)
 *
 * Issue 2: the desk's hot paths (card, suggestion, check-in) on a 200,000-guest hotel, each
 * beside raw better-sqlite3. Issue 3: search as you type over 1,000,000 guests. Issue 7: a board's
 * first paint in Chromium over loopback (--renderer measures an existing build instead of building);
 * 50 department terminals on live event streams while the hotel writes 20 times a second for 2 minutes
 * (ZHIKE_BENCH_SECONDS=N for another length; --quick makes it 15 s). Issue 9: a PMS arrivals + in-house
 * import (3,000 rows) for a 2,000-room hotel with 200,000 profiles, end to end. Issue 10: a scheduler tick with 2,000
 * guests in house and 500 rules, its selection beside raw SQL, and requests answered while the timer ticks.
 * Issue 11 (`desk`): guest lists of 100,000 guests to CSV and XLSX, the full JSON export and import and an
 * online backup of a 200,000-guest hotel, each with its peak memory.
 * --quick builds small stores for a smoke run; --keep leaves the store files in the temp folder.
 * Exits 1 when a budget fails.
 */
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const keep = args.includes('--keep')
const benchmarks = ['checkin', 'search', 'firstpaint', 'events', 'pms', 'scheduler', 'dashboard', 'desk'] as const
const chosen = [...args.filter((a) => a.startsWith('--only=')).map((a) => a.slice('--only='.length)), ...args.filter((a) => !a.startsWith('--'))]
const renderer = args.find((a) => a.startsWith('--renderer='))?.slice('--renderer='.length)
const seconds = Number(process.env.ZHIKE_BENCH_SECONDS ?? (quick ? 15 : 120))
if (chosen.some((b) => !(benchmarks as readonly string[]).includes(b)) || !(Number.isInteger(seconds) && seconds >= 4 && seconds <= 3_600)) {
  console.error(`Usage: npm run bench [-- --quick] [--only=${benchmarks.join('|')}] [--renderer=DIR] [--keep]`)
  console.error('       npm run bench -- events      (benchmarks by name; ZHIKE_BENCH_SECONDS=4…3600 sets the events run’s length)')
  process.exit(2)
}
const runs = (name: (typeof benchmarks)[number]) => chosen.length === 0 || chosen.includes(name)

// The smoke run also proves the fixtures' integrity (a full foreign-key check takes too long at size).
const checkInPlan: CheckInPlan = quick
  ? { hotel: { rooms: 2_000, guests: 20_000, pastStays: 50_000, inHouse: 1_200 }, iterations: 300, warmup: 50, check: true }
  : { hotel: { rooms: 2_000, guests: 200_000, pastStays: 500_000, inHouse: 1_200 }, iterations: 2_000, warmup: 200, check: false }
const searchPlan: SearchPlan = quick
  ? { guests: 100_000, targets: 40, warmupTargets: 10, check: true }
  : { guests: 1_000_000, targets: 200, warmupTargets: 40, check: false }
const firstPaintPlan: FirstPaintPlan = { runs: quick ? 5 : 15, warmup: quick ? 1 : 2, rendererDir: renderer }
const pmsPlan: PmsImportPlan = quick
  ? { rooms: 2_000, guests: 20_000, withPreferences: 0.2, pastStays: 20_000, runs: 2, check: true }
  : { rooms: 2_000, guests: 200_000, withPreferences: 0.2, pastStays: 200_000, runs: 5, check: false }
const schedulerPlan: SchedulerPlan = quick
  ? { inHouse: 2_000, arrivalsTomorrow: 500, rules: 500, ticks: 120, requestSeconds: 3 }
  : { inHouse: 2_000, arrivalsTomorrow: 500, rules: 500, ticks: 360, requestSeconds: 10 }
const eventsPlan: EventsPlan = { seconds, warmupSeconds: Math.min(20, Math.round(seconds / 4)), terminals: 50, writesPerSecond: 20, port: 4891 }

const started = performance.now()
const log = (line: string) => console.log(line)
const folder = benchFolder(keep)
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' / ')
log(`Zhike bench${quick ? ' (quick)' : ''}: stores in ${folder.dir}; node ${process.version}, ${os.cpus().length} CPUs, load average ${load()}`)
const budgets: Budget[] = []
try {
  if (runs('checkin')) budgets.push(...runCheckInBench(folder.dir, checkInPlan, log))
  if (runs('search')) budgets.push(...runSearchBench(folder.dir, searchPlan, log))
  if (runs('firstpaint')) budgets.push(...(await runFirstPaintBench(folder.dir, firstPaintPlan, log)))
  if (runs('events')) budgets.push(...(await runEventsBench(folder.dir, eventsPlan, log)))
  if (runs('pms')) budgets.push(...(await runPmsImportBench(folder.dir, pmsPlan, log)))
  if (runs('scheduler')) budgets.push(...(await runSchedulerBench(folder.dir, schedulerPlan, log)))
  if (runs('desk')) budgets.push(...(await import('./manager-desk-bench')).runManagerDeskBench(folder.dir, quick ? { listGuests: 10_000, fullGuests: 20_000, pastStays: 20_000 } : { listGuests: 100_000, fullGuests: 200_000, pastStays: 200_000 }, log))
  if (runs('dashboard')) budgets.push(...(await import('./dashboard-bench')).runDashboardBench(folder.dir, quick ? { guests: 20_000, pastStays: 50_000, observations: 5_000, iterations: 10, warmup: 2 } : { guests: 200_000, pastStays: 500_000, observations: 50_000, iterations: 20, warmup: 3 }, log))
} finally {
  folder.cleanup()
}

log(heading('Budgets'))
log(table(['scenario', 'budget', 'measured', 'result'], budgets.map((b) => [b.scenario, b.name, b.measured, b.pass ? 'PASS' : 'FAIL'])))
const failed = budgets.filter((b) => !b.pass).length
log(`\n${failed === 0 ? 'All budgets met' : `${failed} budget(s) missed`}. Total run time ${((performance.now() - started) / 60_000).toFixed(1)} min; load average now ${load()} (1/5/15 min).`)
if (failed > 0) process.exitCode = 1
