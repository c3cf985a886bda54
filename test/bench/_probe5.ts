import fs from 'node:fs'
import { createCore } from '../../electron/core/core'
const file = process.argv[2]
const meta = JSON.parse(fs.readFileSync(file + '.json', 'utf8'))
const core = createCore({ file })
const qs = (process.argv[3] ?? 'wuj,wuji,wujian,ngk,zhangwei,zw,zwj,138,1381,13812,551,5513,吴健').split(',')
for (let k = 0; k < 30; k++) for (const q of qs) core.callAs(meta.desk, 'guest.search', { text: q })
core.close()
