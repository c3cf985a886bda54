import type { Migration } from './migration'

// Frozen once shipped: add a new file instead.
// Erasure and retention (issue 12, privacy/erasure.service.ts):
// - a guest anonymised on request (PIPL Art. 47, GDPR Art. 17) or by the retention period keeps
//   its row, its id and its statistics (VIP level, nationality, gender, stays, preference
//   categories); `anonymised_at` is the instant (ISO 8601 UTC) its identifiers were erased, NULL
//   for every other guest. An anonymised guest is never found, matched or merged again.
// - the retention preview finds guests whose last stay departed long ago: stays by guest with
//   their departure date and status, read from the index alone.
export const erasure: Migration = {
  name: '0016-erasure',
  up({ schema, run }) {
    run(schema.alterTable('guest').addColumn('anonymised_at', 'text'))
    run('CREATE INDEX guest_anonymised ON guest (anonymised_at) WHERE anonymised_at IS NOT NULL')
    run(schema.createIndex('stay_departures_by_guest').on('stay').columns(['guest_id', 'departure_date', 'status']))
  },
}
