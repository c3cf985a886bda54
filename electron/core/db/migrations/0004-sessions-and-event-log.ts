import type { Migration } from './migration'

// Frozen: shipped migrations never change. Add a new file instead.
// Sessions survive a restart of the hub (only a SHA-256 of each token is stored), and every event
// is logged with an id, so a terminal that reconnects catches up on what it missed.
export const sessionsAndEventLog: Migration = {
  name: '0004-sessions-and-event-log',
  up({ schema, run }) {
    run(
      schema
        .createTable('staff_session')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull()),
    )
    run(schema.createIndex('staff_session_staff').on('staff_session').column('staff_id'))
    run(
      schema
        .createTable('core_event')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull()),
    )
    run(schema.createIndex('core_event_created').on('core_event').column('created_at'))
  },
}
