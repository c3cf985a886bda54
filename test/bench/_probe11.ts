import fs from 'node:fs'
import { createCore } from '../../electron/core/core'
import { namePinyin } from '../../electron/core/guests/guest-keys'
import { Random } from './random'
import { summarize } from './stats'
const file = process.argv[2]
const meta = JSON.parse(fs.readFileSync(file + '.json', 'utf8'))
const core = createCore({ file })
const db = core.sqlite
const guests = db.prepare('SELECT max(id) FROM guest').pluck().get() as number
const ids = new Random(31).sample(Array.from({ length: guests }, (_, i) => i + 1), 480)
const byId = db.prepare('SELECT id, native_name, roman_name, nationality, phone FROM guest WHERE id = ?')
const qs: string[] = []
for (const id of ids.slice(0, 100)) {
  const t = byId.get(id) as any
  const han = ['CN', 'HK', 'MO', 'SG'].includes(t.nationality)
  const texts = [t.roman_name?.toLowerCase(), han ? namePinyin(t.native_name).join('') : null, t.phone ? t.phone.replace(/^\+\d+\s*/, '').replace(/\D/g, '') : null].filter(Boolean)
  for (const s of texts) for (let i = 1; i <= s.length; i++) if (s[i - 1] !== ' ') qs.push(s.slice(0, i))
}
const res: [string, number][] = []
for (let k = 0; k < 2; k++) for (const q of qs) { const c0 = process.cpuUsage(); core.callAs(meta.desk, 'guest.search', { text: q }); const c = process.cpuUsage(c0); if (k) res.push([q, (c.user + c.system) / 1000]) }
const s = summarize(res.map((r) => r[1])); console.log(`n ${res.length} cpu p50 ${s.p50.toFixed(2)} p95 ${s.p95.toFixed(2)}`)
const byLen = new Map<number, number[]>(); for (const [q, t] of res) { const l = Math.min([...q].length, 8); byLen.set(l, [...(byLen.get(l) ?? []), t]) }
console.log([...byLen].sort((a, b) => a[0] - b[0]).map(([l, t]) => `len${l}: ${summarize(t).p50.toFixed(2)}/${summarize(t).p95.toFixed(2)}`).join('  '))
console.log(res.sort((a, b) => b[1] - a[1]).slice(0, 25).map(([q, t]) => `${q}:${t.toFixed(1)}`).join(' '))
core.close()
