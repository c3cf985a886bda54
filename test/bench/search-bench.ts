import path from 'node:path'
import type { Actor } from '../../electron/core/context'
import type { Core, Result } from '../../electron/core/core'
import * as OpenCC from 'opencc-js'
import { namePinyin } from '../../electron/core/guests/guest-keys'
import { buildHotel } from './hotel-fixture'
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
  /** Prove the fixture's integrity (foreign keys, search index) before measuring. */
  check: boolean
}

const budgetMs = 10
const kinds = [
  'native name',
  'romanized name',
  'full pinyin',
  'pinyin initials',
  'phone fragment',
  'traditional characters',
  'swapped order',
  'given name alone',
  'prefixed phone',
] as const
type Kind = (typeof kinds)[number]

interface Target {
  id: number
  native_name: string
  roman_name: string | null
  nationality: string | null
  phone: string | null
  phone_e164: string | null
}

let traditional: ((text: string) => string) | undefined
/** Simplified to traditional (Hong Kong forms), as a visitor from Hong Kong or Taiwan types a name. */
const toTraditional = (text: string) => (traditional ??= OpenCC.Converter({ from: 'cn', to: 'hk' }))(text)

const hanNamed = (t: Target) => ['CN', 'HK', 'MO', 'SG'].includes(t.nationality ?? '')
const latinNamed = (t: Target) => !/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(t.native_name)

/** What a clerk types to find this guest, per kind; null when it does not apply. */
function typed(kind: Kind, t: Target): string | null {
  switch (kind) {
    case 'native name':
      return latinNamed(t) ? null : t.native_name
    case 'romanized name':
      return (t.roman_name ?? (latinNamed(t) ? t.native_name : null))?.toLowerCase() ?? null
    case 'full pinyin':
      return hanNamed(t) ? namePinyin(t.native_name).join('') : null
    case 'pinyin initials':
      return hanNamed(t) ? namePinyin(t.native_name).map((s) => s[0]).join('') : null
    case 'phone fragment':
      // The local number, as read off a business card: without the country code.
      return t.phone ? (t.phone.startsWith('+') ? t.phone.replace(/^\+\d+\s*/, '') : t.phone).replace(/\D/g, '') : null
    case 'traditional characters': {
      // Only names that differ in traditional characters (陈 → 陳); the others are 'native name'.
      const written = latinNamed(t) ? null : toTraditional(t.native_name)
      return written && written !== t.native_name ? written : null
    }
    case 'swapped order': {
      // Given names first, surname last ("ZHANG Wei" typed "wei zhang"; "Anna Kowalska" as "kowalska anna").
      const words = (t.roman_name ?? (latinNamed(t) ? t.native_name : '')).toLowerCase().split(/\s+/).filter(Boolean)
      return words.length >= 2 ? [...words.slice(1), words[0]].join(' ') : null
    }
    case 'given name alone':
      return hanNamed(t) && [...t.native_name].length >= 3 ? [...t.native_name].slice(1).join('') : null
    case 'prefixed phone':
      // The whole number with its country code, as +86… or 0086… (alternating by guest).
      return t.phone_e164 ? (t.id % 2 === 0 ? t.phone_e164 : `00${t.phone_e164.slice(1)}`) : null
  }
}

/** Every prefix as typed ("z", "zh", "zhu"…); phone digits from the third. A typed space adds no query. */
function keystrokes(kind: Kind, text: string): string[] {
  const chars = [...text]
  const prefixes: string[] = []
  for (let i = kind === 'phone fragment' || kind === 'prefixed phone' ? 3 : 1; i <= chars.length; i++) if (chars[i - 1] !== ' ') prefixes.push(chars.slice(0, i).join(''))
  return prefixes
}

/** Store size per 100,000 guests measured before issue 8 (1,000,000 guests): the index may grow by 20% at most. */
const sizeBefore100k = 99.2
const sizeBudget = sizeBefore100k * 1.2

/** Issue 3: search as you type over a large guest base, beside a bare FTS5 MATCH on the same strings. */
export function runSearchBench(dir: string, plan: SearchPlan, log: (line: string) => void): Budget[] {
  log(heading(`Search: ${plan.guests.toLocaleString('en')} guests`))
  const file = path.join(dir, 'search.db')
  const hotel = buildHotel(file, { rooms: 2_000, guests: plan.guests, preferences: false, pastStays: 0, inHouse: 1_200, arrivals: 300 }, { seed: 3, check: plan.check })
  log(table(['build step', 's'], [...hotel.build.laps.map((l) => [l.label, l.seconds.toFixed(1)]), ['total', hotel.build.total.toFixed(1)]]))
  const size = storeSize(hotel.core.sqlite, file)
  const per100k = ((size / plan.guests) * 100_000) / 1e6
  log(`store: ${(size / 1e6).toFixed(0)} MB, ${per100k.toFixed(1)} MB per 100,000 guests (file + WAL after checkpoint); before issue 8: ${sizeBefore100k} MB at 1,000,000 guests, budget ${sizeBudget.toFixed(1)} MB (20% more)`)
  const budgets = measureSearch(hotel.core, hotel.desk, plan, log)
  // Measured at the full run's size only: a smaller store spreads its fixed part over fewer guests.
  if (plan.guests >= 1_000_000) {
    budgets.push({ scenario: 'search', name: `store per 100,000 guests ≤ ${sizeBudget.toFixed(1)} MB`, measured: `${per100k.toFixed(1)} MB`, pass: per100k <= sizeBudget })
  }
  hotel.core.close()
  return budgets
}

/** Types each target's name or number key by key through guest.search, and the same strings into FTS5. */
export function measureSearch(core: Core, desk: Actor, plan: Pick<SearchPlan, 'targets' | 'warmupTargets'>, log: (line: string) => void): Budget[] {
  const guests = core.sqlite.prepare('SELECT max(id) FROM guest').pluck().get() as number
  const byId = core.sqlite.prepare('SELECT id, native_name, roman_name, nationality, phone, phone_e164 FROM guest WHERE id = ?')
  const pool = new Random(31).sample(Array.from({ length: guests }, (_, i) => i + 1), Math.min(guests, 4 * (plan.targets + plan.warmupTargets)))
  const targets = pool.map((id) => byId.get(id) as Target)
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
    const typing = targets.map((t) => ({ id: t.id, text: typed(kind, t) })).filter((t): t is { id: number; text: string } => t.text !== null)
    for (const t of typing.slice(plan.targets, plan.targets + plan.warmupTargets)) {
      for (const q of keystrokes(kind, t.text)) {
        search(q)
        match(q)
      }
    }
    const ours: number[] = []
    const raw: number[] = []
    let found = 0
    const measured = typing.slice(0, plan.targets)
    measured.forEach((t, i) => {
      let hits: { guestId: number }[] = []
      for (const q of keystrokes(kind, t.text)) {
        // Alternate which runs first, so noise and cache warmth fall on both alike.
        const a = () => ours.push(time(() => (hits = search(q))))
        const b = () => raw.push(time(() => match(q)))
        if (i % 2 === 0) {
          a()
          b()
        } else {
          b()
          a()
        }
      }
      if (hits.some((h) => h.guestId === t.id)) found++
    })
    everyOurs.push(...ours)
    everyRaw.push(...raw)
    const o = summarize(ours)
    const r = summarize(raw)
    const example = keystrokes(kind, measured[0]?.text ?? '').slice(0, 3).map((q) => `"${q}"`).join(', ')
    const foundShare = `${Math.round((100 * found) / Math.max(1, measured.length))}%`
    rows.push([kind, String(measured.length), String(o.n), o.p50, o.p95, o.max, r.p50, r.p95, ratio(o.p50 / r.p50), ratio(o.p95 / r.p95), foundShare, verdict(o.p95 <= budgetMs), `${example}…`])
    budgets.push({ scenario: 'search', name: `${kind} p95 ≤ ${budgetMs} ms`, measured: `${ms(o.p95)} ms`, pass: o.p95 <= budgetMs })
  }
  const o = summarize(everyOurs)
  const r = summarize(everyRaw)
  rows.push(['every keystroke', '', String(o.n), o.p50, o.p95, o.max, r.p50, r.p95, ratio(o.p50 / r.p50), ratio(o.p95 / r.p95), '', verdict(o.p95 <= budgetMs), ''])
  log(`\nguest.search through core (limit 20), per keystroke, beside one raw FTS5 MATCH … LIMIT 20 on the same string (ms)`)
  log(table(['query kind', 'guests', 'queries', 'p50', 'p95', 'max', 'FTS p50', 'FTS p95', 'ratio p50', 'ratio p95', 'found', `p95 ≤ ${budgetMs}`, 'keystrokes, e.g.'], rows))
  log('found: the guest typed is among the 20 results once the whole name or number is typed.')
  log('FTS5 alone matches 3+ characters only (trigrams); guest.search also matches prefixes, room and confirmation numbers, and ranks.')
  return budgets
}
