import BetterSqlite3 from 'better-sqlite3'
const db = new BetterSqlite3(process.argv[2], { readonly: true })
db.pragma('cache_size = -65536')
const today = '2026-11-23'
const cpu = (fn: () => void) => { const c0 = process.cpuUsage(); fn(); const c = process.cpuUsage(c0); return (c.user + c.system) / 1000 }
const variants: Record<string, string> = {
  like: "SELECT guest.id, stay.status FROM stay JOIN guest ON guest.id = stay.guest_id WHERE (stay.status = 'in_house' OR (stay.status = 'reserved' AND stay.arrival_date = ?)) AND guest.merged_into IS NULL AND guest.search_key LIKE ? ESCAPE '\\' LIMIT 50",
  instr: "SELECT guest.id, stay.status FROM stay JOIN guest ON guest.id = stay.guest_id WHERE (stay.status = 'in_house' OR (stay.status = 'reserved' AND stay.arrival_date = ?)) AND guest.merged_into IS NULL AND instr(guest.search_key, ?) > 0 LIMIT 50",
  nofilter: "SELECT guest.id, stay.status, guest.search_key FROM stay JOIN guest ON guest.id = stay.guest_id WHERE (stay.status = 'in_house' OR (stay.status = 'reserved' AND stay.arrival_date = ?)) AND guest.merged_into IS NULL AND ? IS NOT NULL",
  staysonly: "SELECT stay.guest_id, stay.status FROM stay WHERE (stay.status = 'in_house' OR (stay.status = 'reserved' AND stay.arrival_date = ?)) AND ? IS NOT NULL",
}
const needles = ['zwj', 'zhang', 'wang weix', '13812', 'cheung hoi ting', 'w', 'ng']
for (let round = 0; round < 2; round++) for (const [name, q] of Object.entries(variants)) {
  const st = db.prepare(q); const ts: number[] = []
  for (let k = 0; k < 20; k++) for (const n of needles) ts.push(cpu(() => st.all(today, name === 'like' ? `%${n}%` : n)))
  ts.sort((a, b) => a - b); console.log(name.padEnd(10), 'p50', ts[ts.length >> 1].toFixed(3))
}
