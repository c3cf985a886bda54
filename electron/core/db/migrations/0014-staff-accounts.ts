import type { Migration } from './migration'

// Frozen once shipped: add a new file instead.
// Staff accounts (issue 12): an administrator resets a PIN to a temporary one, which the person
// must replace at their next sign-in (`must_change_pin`); the Staff screen shows when each person
// last signed in (`last_sign_in_at`, ISO instant) without reading the audit log.
export const staffAccounts: Migration = {
  name: '0014-staff-accounts',
  up({ schema, run }) {
    run(schema.alterTable('staff').addColumn('must_change_pin', 'integer', (c) => c.notNull().defaultTo(0)))
    run(schema.alterTable('staff').addColumn('last_sign_in_at', 'text'))
  },
}
