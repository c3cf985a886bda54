import fs from 'node:fs'
import { createCore } from '../../electron/core/core'
import { measureSearch } from './search-bench'
const file = process.argv[2]
const meta = JSON.parse(fs.readFileSync(file + '.json', 'utf8'))
const core = createCore({ file })
const b = measureSearch(core, meta.desk, { targets: Number(process.argv[3] ?? 100), warmupTargets: 20 }, console.log)
core.close()
