import BetterSqlite3 from 'better-sqlite3'
const db = new BetterSqlite3(process.argv[2], { readonly: true })
db.pragma('cache_size = -65536')
const st = db.prepare('SELECT rowid AS id FROM guest_fts WHERE guest_fts MATCH ? LIMIT ?')
const cpu = (fn: () => void) => { const c0 = process.cpuUsage(); fn(); const c = process.cpuUsage(c0); return (c.user + c.system) / 1000 }
for (const q of ['zhuang huahon', 'cheung hoi ting', 'lee eng boo', '158605496', 'huanglij', 'zhua', 'wang weix', 'ng kei h', 'zhuang', 'zhuanghuahong']) {
  const p = `"${q}"`
  let n200 = 0, n20 = 0
  for (let k = 0; k < 3; k++) { cpu(() => st.all(p, 200)) }
  const t200 = cpu(() => (n200 = st.all(p, 200).length)); const t20 = cpu(() => (n20 = st.all(p, 20).length))
  console.log(q.padEnd(16), `limit200 ${t200.toFixed(2)}ms (${n200})  limit20 ${t20.toFixed(2)}ms (${n20})`)
}
