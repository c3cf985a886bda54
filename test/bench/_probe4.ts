import fs from 'node:fs'
import { createCore } from '../../electron/core/core'
import { prefixMatches, substringMatches, currentGuestsMatching } from '../../electron/core/guests/guest-index.repository'
import { summarize, time } from './stats'
const file = process.argv[2]
const meta = JSON.parse(fs.readFileSync(file + '.json', 'utf8'))
const core = createCore({ file })
const db = core.sqlite
const m = (label: string, fn: () => unknown, n = 20) => {
  const t: number[] = []; let r: any; for (let i = 0; i < n; i++) t.push(time(() => (r = fn())))
  const s = summarize(t.slice(2)); console.log(label.padEnd(40), s.p50.toFixed(3).padStart(8), s.p95.toFixed(3).padStart(8), Array.isArray(r) ? r.length : '')
}
for (const q of ['w', 'wu', 'wuj', 'wuji', 'wujian', 'n', 'ng', 'ngk', 'z', 'zh', 'zha', 'zhang', 'zhangwei', 'zw', 'zwj', '138', '1381', '13812', '551', '5513', '吴', '吴健']) {
  m(`prefix ${q}`, () => prefixMatches(db, q, 60))
  if ([...q].length >= 3) m(`substring ${q}`, () => substringMatches(db, q, 200))
  m(`current ${q}`, () => currentGuestsMatching(db, q, '2026-11-23', 50))
  m(`op ${q}`, () => core.callAs(meta.desk, 'guest.search', { text: q }))
}
core.close()
