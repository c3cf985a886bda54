import BetterSqlite3 from 'better-sqlite3'
const db = new BetterSqlite3('/tmp/bench-probe/opt.db')
db.exec("DROP INDEX IF EXISTS stay_current; CREATE INDEX stay_current ON stay (status, arrival_date, guest_id) WHERE status = 'in_house' OR status = 'reserved'")
for (const r of db.prepare("EXPLAIN QUERY PLAN SELECT guest.id, stay.status FROM stay JOIN guest ON guest.id = stay.guest_id WHERE (stay.status = 'in_house' OR (stay.status = 'reserved' AND stay.arrival_date = ?)) AND guest.merged_into IS NULL AND guest.search_key LIKE ? ESCAPE '\\' LIMIT 50").all('2026-11-23', '%x%') as any[]) console.log(r.detail)
db.close()
