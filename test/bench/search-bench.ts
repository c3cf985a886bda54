import path from 'node:path'
import type { Result } from '../../electron/core/core'
import { namePinyin } from '../../electron/core/guests/guest-keys'
import { buildHotel } from './hotel-fixture'
import type { SyntheticGuest } from './people'
import { Random } from './random'
import { heading, ms, ratio, table, verdict } from './report'
import { summarize, time } from './stats'
import { storeSize, type Budget } from './store-files'

export interface SearchPlan {
  guests: number
  /** Target guests typed per query kind. */
  targets: number
  /** More targets typed first, untimed. */
  warmupTargets: number
}

const budgetMs = 10
type Kind = 'native name' | 'romanized name' | 'full pinyin' | 'pinyin initials' | 'phone fragment'

const hanNamed = (g: SyntheticGuest) => g.origin === 'mainland' || g.origin === 'hongkong' || g.origin === 'macau' || g.origin === 'singapore'

/** What a clerk types, one keystroke at a time, to find this guest, per kind; null when it does not apply. */
function typed(kind: Kind, g: SyntheticGuest): string | null {
  switch (kind) {
    case 'native name':
      return g.origin === 'western' ? null : g.native_name
    case 'romanized name':
      return (g.roman_name ?? (g.origin === 'western' ? g.native_name : null))?.toLowerCase() ?? null
    case 'full pinyin':
      return hanNamed(g) ? namePinyin(g.native_name).join('') : null
    case 'pinyin initials':
      return hanNamed(g) ? namePinyin(g.native_name).map((s) => s[0]).join('') : null
    case 'phone fragment':
      return g.localPhone
  }
}

/** Every prefix as typed ("z", "zh", "zhu"…), from the first keystroke; phone digits from the third. */
function keystrokes(kind: Kind, text: string): string[] {
  const chars = [...text]
  const from = kind === 'phone fragment' ? 3 : 1
  const prefixes: string[] = []
  for (let i = from; i <= chars.length; i++) if (chars[i - 1] !== ' ') prefixes.push(chars.slice(0, i).join(''))
  return prefixes
}

/** Issue 3: search as you type over a large guest base, beside a bare FTS5 MATCH on the same strings. */
export function runSearchBench(dir: string, plan: SearchPlan, log: (line: string) => void): Budget[] {
  log(heading(`Search: ${plan.guests.toLocaleString('en')} guests`))
  const kinds: Kind[] = ['native name', 'romanized name', 'full pinyin', 'pinyin initials', 'phone fragment']
  // Typed guests are chosen before the build, which keeps only their generated details.
  const picked = new Random(31).sample(
    Array.from({ length: plan.guests }, (_, i) => i + 1),
    Math.min(plan.guests, 4 * (plan.targets + plan.warmupTargets)),
  )
  const file = path.join(dir, 'search.db')
  const hotel = buildHotel(file, { rooms: 2_000, guests: plan.guests, preferences: false, pastStays: 0, inHouse: 1_200, arrivals: 300 }, { seed: 3, keep: new Set(picked) })
  log(table(['build step', 's'], [...hotel.build.laps.map((l) => [l.label, l.seconds.toFixed(1)]), ['total', hotel.build.total.toFixed(1)]]))
  const size = storeSize(hotel.core.sqlite, file)
  const perHundredThousand = (size / plan.guests) * 100_000
  log(`store: ${(size / 1e6).toFixed(0)} MB, ${(perHundredThousand / 1e6).toFixed(1)} MB per 100,000 guests (file + WAL after checkpoint)`)

  const { core, desk } = hotel
  const fts = core.sqlite.prepare('SELECT rowid AS id FROM guest_fts WHERE guest_fts MATCH ? LIMIT 20')
  const search = (text: string) => {
    const result: Result = core.callAs(desk, 'guest.search', { text })
    if (!result.ok) throw new Error(`search for ${JSON.stringify(text)}: ${result.error.code}`)
    return result.value as { guestId: number }[]
  }
  const match = (text: string) => fts.all(`"${text.replace(/"/g, '""')}"`)

  const rows: (string | number)[][] = []
  const budgets: Budget[] = []
  const everyOurs: number[] = []
  const everyRaw: number[] = []
  for (const kind of kinds) {
    const targets = picked.map((id) => ({ id, text: typed(kind, hotel.people.get(id)!) })).filter((t): t is { id: number; text: string } => t.text !== null)
    const warm = targets.slice(plan.targets, plan.targets + plan.warmupTargets)
    for (const t of warm) for (const q of keystrokes(kind, t.text)) search(q), match(q)
    const ours: number[] = []
    const raw: number[] = []
    let found = 0
    const measured = targets.slice(0, plan.targets)
    measured.forEach((t, i) => {
      const queries = keystrokes(kind, t.text)
      let hits: { guestId: number }[] = []
      for (const q of queries) {
        // Alternate which runs first, so noise and cache warmth fall on both alike.
        if (i % 2 === 0) {
          ours.push(time(() => (hits = search(q))))
          raw.push(time(() => match(q)))
        } else {
          raw.push(time(() => match(q)))
          ours.push(time(() => (hits = search(q))))
        }
      }
      if (hits.some((h) => h.guestId === t.id)) found++
    })
    everyOurs.push(...ours)
    everyRaw.push(...raw)
    const o = summarize(ours)
    const r = summarize(raw)
    const example = keystrokes(kind, measured[0]?.text ?? '').slice(0, 4).map((q) => `"${q}"`).join(', ')
    rows.push([kind, measured.length, o.n, o.p50, o.p95, o.max, r.p50, r.p95, ratio(o.p95 / r.p95), `${Math.round((100 * found) / Math.max(1, measured.length))}%`, verdict(o.p95 <= budgetMs), `${example}…`])
    budgets.push({ scenario: 'search', name: `${kind} p95 ≤ ${budgetMs} ms`, measured: `${ms(o.p95)} ms`, pass: o.p95 <= budgetMs })
  }
  const o = summarize(everyOurs)
  const r = summarize(everyRaw)
  rows.push(['all keystrokes', '', o.n, o.p50, o.p95, o.max, r.p50, r.p95, ratio(o.p95 / r.p95), '', verdict(o.p95 <= budgetMs), ''])
  log(`\nguest.search through core (limit 20) per keystroke, beside one raw FTS5 MATCH … LIMIT 20 on the same string (ms)`)
  log(table(['query kind', 'guests', 'queries', 'p50', 'p95', 'max', 'FTS p50', 'FTS p95', 'ratio p95', 'found', `p95 ≤ ${budgetMs}`, 'keystrokes, e.g.'], rows))
  log('found: the guest typed is among the 20 results once the whole name or number is typed.')
  core.close()
  return budgets
}
