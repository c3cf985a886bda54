import type { Migration } from './migration'

// Frozen once shipped: add a new file instead.
// The manager's dashboard (issue 11) on a big hotel: two indexes that answer its heaviest reads
// without touching the tables.
// - preference_counted: active preferences by category, code and strength, so "top preferences"
//   counts from the index alone, already grouped (was a full scan of ~2M rows and a sort). A
//   partial index: its query must say `active = 1` as a literal for SQLite to use it.
// - stay_visits: stays by status and dates with their guest, so "who stayed in the period" (the
//   repeat-guest rate) reads no stay rows (was ~200,000 random row lookups).
export const dashboardIndexes: Migration = {
  name: '0011-dashboard-indexes',
  up({ schema, run }) {
    run('CREATE INDEX preference_counted ON preference (category, code, strength) WHERE active = 1')
    run(schema.createIndex('stay_visits').on('stay').columns(['status', 'arrival_date', 'departure_date', 'guest_id']))
  },
}
