import fs from 'node:fs'
import { createCore } from '../../electron/core/core'
import { summarize } from './stats'
const file = process.argv[2]
const cache = process.argv[3]
const meta = JSON.parse(fs.readFileSync(file + '.json', 'utf8'))
const core = createCore({ file })
if (cache) core.sqlite.pragma(`cache_size = ${cache}`)
if (process.argv[4]) core.sqlite.pragma(`mmap_size = ${process.argv[4]}`)
const qs = ['w', 'wu', 'wuj', 'wuji', 'wujian', 'n', 'ng', 'ngk', 'z', 'zh', 'zha', 'zhang', 'zhangwei', 'zw', 'zwj', '138', '1381', '13812', '551', '5513', '吴', '吴健']
const wall: number[] = [], cpu: number[] = []
for (let k = 0; k < 12; k++) for (const q of qs) {
  const c0 = process.cpuUsage(); const t0 = performance.now()
  core.callAs(meta.desk, 'guest.search', { text: q })
  const t = performance.now() - t0; const c = process.cpuUsage(c0)
  if (k >= 2) { wall.push(t); cpu.push((c.user + c.system) / 1000) }
}
const s = summarize(wall), c = summarize(cpu)
console.log(`cache ${cache ?? 'default'} mmap ${process.argv[4] ?? 0}: wall p50 ${s.p50.toFixed(2)} p95 ${s.p95.toFixed(2)} | cpu p50 ${c.p50.toFixed(2)} p95 ${c.p95.toFixed(2)}`)
core.close()
