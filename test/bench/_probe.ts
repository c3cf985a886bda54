import BetterSqlite3 from 'better-sqlite3'
import fs from 'node:fs'
const f = '/tmp/bench-probe/p.db'
for (const s of ['', '-wal', '-shm']) fs.rmSync(f + s, { force: true })
const db = new BetterSqlite3(f)
db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL')
db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)')
const ins = db.prepare('INSERT INTO t (v) VALUES (?)')
for (let r = 0; r < 3; r++) {
const times: number[] = []
for (let i = 0; i < 300; i++) { const t = performance.now(); ins.run('x' + i); times.push(performance.now() - t) }
times.sort((a, b) => a - b)
console.log('fsync commit p50', times[150].toFixed(3), 'p95', times[285].toFixed(3), 'max', times[299].toFixed(3))
}
