import path from 'node:path'
import { addDays } from '../../electron/core/clock'
import type { Result } from '../../electron/core/core'
import { qb, prepared } from '../../electron/core/db/query'
import { dashboardQueryPlans } from '../../electron/core/reports/dashboard.repository'
import { bulkLoad } from './bulk-writer'
import { buildHotel } from './hotel-fixture'
import { Random } from './random'
import { heading, table } from './report'
import { summarize, time } from './stats'
import type { Budget } from './store-files'

export interface DashboardPlan {
  guests: number
  pastStays: number
  /** Observations recorded over the last year, bulk written. */
  observations: number
  iterations: number
  warmup: number
}

/** p95 budget for one dashboard read (ms): a manager's page, not a keystroke. */
const budgetMs = 1_500

const observationInsert = prepared((o: { guestId: number; department: string; staffId: number; at: string; status: string }) =>
  qb.insertInto('observation').values({ guest_id: o.guestId, stay_id: null, department_code: o.department, staff_id: o.staffId, text: 'Noticed something', status: o.status, created_at: o.at }),
)

/**
 * Issue 11: report.dashboard on the bench hotel (200,000 guests with about ten preferences each,
 * 500,000 past stays, 1,200 in house), default period (90 days) and a whole year, through the
 * operation (permission, zod, every query).
 */
export function runDashboardBench(dir: string, plan: DashboardPlan, log: (line: string) => void): Budget[] {
  log(heading(`Dashboard: ${plan.guests.toLocaleString('en')} guests, ${plan.pastStays.toLocaleString('en')} past stays, ${plan.observations.toLocaleString('en')} observations`))
  const hotel = buildHotel(path.join(dir, 'dashboard.db'), { rooms: 2_000, guests: plan.guests, preferences: true, pastStays: plan.pastStays, inHouse: 1_200, arrivals: 300 }, { seed: 1111 })
  const { core, admin, desk } = hotel
  const random = new Random(11)
  const now = Date.now()
  const departments = ['housekeeping', 'restaurant', 'front_office', 'concierge']
  const statuses = ['new', 'accepted', 'merged', 'rejected']
  bulkLoad(core.sqlite, Array.from({ length: plan.observations }, (_, i) => i), 5_000, () => {
    observationInsert.run(core.sqlite, {
      guestId: random.int(1, hotel.guests),
      department: random.pick(departments),
      staffId: desk.staffId,
      at: new Date(now - random.int(0, 365 * 86_400) * 1_000).toISOString(),
      status: random.pick(statuses),
    })
  })
  const manager = admin
  const call = (input: object) => {
    const result: Result = core.callAs(manager, 'report.dashboard', input)
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
    return result.value as { from: string; to: string; repeat: { period: { guests: number; ratePct: number | null } } }
  }
  const first = call({})
  const year = { from: addDays(first.to, -365), to: first.to }
  const cases = [
    ['report.dashboard (90 days)', {}],
    ['report.dashboard (a year)', year],
  ] as const
  const rows: (string | number)[][] = []
  const budgets: Budget[] = []
  for (const [name, input] of cases) {
    for (let i = 0; i < plan.warmup; i++) call(input)
    const samples = Array.from({ length: plan.iterations }, () => time(() => call(input)))
    const s = summarize(samples)
    const answer = call(input)
    rows.push([name, s.p50, s.p95, `${answer.repeat.period.guests.toLocaleString('en')} guests, ${answer.repeat.period.ratePct ?? '–'}% repeat`])
    budgets.push({ scenario: 'dashboard', name: `${name} p95 ≤ ${budgetMs} ms`, measured: `${s.p95.toFixed(0)} ms`, pass: s.p95 <= budgetMs })
  }
  log(`\n${plan.iterations} reads each after ${plan.warmup} warm-up (ms)`)
  log(table(['operation', 'p50', 'p95', 'answer'], rows))
  log('query plans (EXPLAIN QUERY PLAN) of the last read:')
  for (const [name, plan] of Object.entries(dashboardQueryPlans(core.sqlite))) log(`  ${name}: ${plan.join(' | ')}`)
  core.close()
  return budgets
}
