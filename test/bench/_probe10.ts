import { createCore } from '../../electron/core/core'
import { currentGuestsMatching } from '../../electron/core/guests/guest-index.repository'
import { substringMatches } from '../../electron/core/guests/guest-index.repository'
import { summarize } from './stats'
const core = createCore({ file: process.argv[2] })
const db = core.sqlite
const qs = ['w', 'wu', 'wuj', 'wuji', 'wujian', 'n', 'ng', 'ngk', 'z', 'zh', 'zha', 'zhang', 'zhangwei', 'zw', 'zwj', '138', '1381', '13812', '551', '5513', '吴', '吴健']
for (const cache of [-2000, -65536, -2000, -65536]) {
  db.pragma(`cache_size = ${cache}`)
  const cpu: number[] = []
  for (let k = 0; k < 10; k++) for (const q of qs) { const c0 = process.cpuUsage(); currentGuestsMatching(db, q, '2026-11-23', 50); if ([...q].length > 2) substringMatches(db, q, 200); const c = process.cpuUsage(c0); if (k) cpu.push((c.user + c.system) / 1000) }
  const c = summarize(cpu); console.log(cache, `cpu p50 ${c.p50.toFixed(3)} p95 ${c.p95.toFixed(3)}`)
}
core.close()
