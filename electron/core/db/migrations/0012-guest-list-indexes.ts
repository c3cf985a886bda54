import type { Migration } from './migration'

// Frozen once shipped: add a new file instead.
// Guest lists to spreadsheets (issue 11) of a whole big hotel: each listed guest reads its last
// stay, its number of stays and its preferences of a category. Two indexes widened (same names,
// same leading columns, so every query that used them still does) to hold what those reads need,
// so each is answered from the index alone, with no table row read:
// - stay_by_guest: (guest_id, arrival_date) → (guest_id, arrival_date, status).
// - preference_by_guest: (guest_id, active) → (guest_id, active, category, code, value, strength).
export const guestListIndexes: Migration = {
  name: '0012-guest-list-indexes',
  up({ schema, run }) {
    run('DROP INDEX stay_by_guest')
    run(schema.createIndex('stay_by_guest').on('stay').columns(['guest_id', 'arrival_date', 'status']))
    run('DROP INDEX preference_by_guest')
    run(schema.createIndex('preference_by_guest').on('preference').columns(['guest_id', 'active', 'category', 'code', 'value', 'strength']))
  },
}
