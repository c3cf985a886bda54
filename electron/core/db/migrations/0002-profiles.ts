import { sql } from 'kysely'
import type { Migration } from './migration'

// Frozen: shipped migrations never change. Add a new file instead.
// Guest profiles that learn: observations, change history, merges, consent and search.
export const profiles: Migration = {
  name: '0002-profiles',
  up({ schema, run }) {
    run(schema.alterTable('guest').addColumn('restricted', 'integer', (c) => c.notNull().defaultTo(0)))
    run(schema.alterTable('guest').addColumn('restriction_note', 'text'))
    // null: not asked; 1: given; 0: withdrawn.
    run(schema.alterTable('guest').addColumn('consent_marketing', 'integer'))
    run(schema.alterTable('guest').addColumn('consent_sensitive', 'integer'))
    run(schema.alterTable('preference').addColumn('retired_at', 'text'))
    run(schema.alterTable('preference').addColumn('retired_by', 'integer', (c) => c.references('staff.id')))
    run(schema.alterTable('preference').addColumn('confirmed_by', 'integer', (c) => c.references('staff.id')))

    run(
      schema
        .createTable('observation')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('guest_id', 'integer', (c) => c.notNull().references('guest.id'))
        .addColumn('stay_id', 'integer', (c) => c.references('stay.id'))
        .addColumn('department_code', 'text', (c) => c.notNull().references('department.code'))
        .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('suggested_category', 'text')
        .addColumn('suggested_code', 'text')
        .addColumn('suggested_value', 'text')
        .addColumn('suggested_strength', 'text')
        .addColumn('suggested_scope', 'text')
        // new | accepted | merged | rejected
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
        .addColumn('preference_id', 'integer', (c) => c.references('preference.id'))
        .addColumn('reject_reason', 'text')
        .addColumn('reviewed_at', 'text')
        .addColumn('reviewed_by', 'integer', (c) => c.references('staff.id'))
        .addColumn('created_at', 'text', (c) => c.notNull()),
    )
    run(schema.createIndex('observation_by_status').on('observation').columns(['status', 'created_at']))
    run(schema.createIndex('observation_by_guest').on('observation').columns(['guest_id']))
    run(schema.createIndex('observation_by_staff').on('observation').columns(['staff_id', 'created_at']))

    run(
      schema
        .createTable('guest_change')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('guest_id', 'integer', (c) => c.notNull().references('guest.id'))
        // One user action may change several fields; undo reverts a whole batch.
        .addColumn('batch', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'integer')
        .addColumn('field', 'text')
        .addColumn('old_value', 'text')
        .addColumn('new_value', 'text')
        .addColumn('undone', 'integer', (c) => c.notNull().defaultTo(0)),
    )
    run(schema.createIndex('guest_change_by_guest').on('guest_change').columns(['guest_id', 'id']))

    run(
      schema
        .createTable('guest_merge')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('survivor_id', 'integer', (c) => c.notNull().references('guest.id'))
        .addColumn('merged_id', 'integer', (c) => c.notNull().references('guest.id'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
        // Everything needed to undo the merge exactly: both rows before, and the rows moved.
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('undone_at', 'text')
        .addColumn('undone_by', 'integer', (c) => c.references('staff.id')),
    )
    run(
      schema
        .createTable('guest_pair_flag')
        .addColumn('low_id', 'integer', (c) => c.notNull().references('guest.id'))
        .addColumn('high_id', 'integer', (c) => c.notNull().references('guest.id'))
        .addColumn('flag', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
        .addPrimaryKeyConstraint('guest_pair_flag_pk', ['low_id', 'high_id']),
    )

    // Who is in house or arriving today: the search ranks them first.
    run(schema.createIndex('stay_by_status').on('stay').columns(['status', 'arrival_date']))

    // Search: substring matching (3+ characters) through an FTS5 trigram index holding only
    // rowids (= guest ids), and prefix matching of short input through a token table. Both are
    // filled by the app (guests/guest-index.ts), which can rebuild them at any time.
    run("CREATE VIRTUAL TABLE guest_fts USING fts5(doc, tokenize = 'trigram', content = '', contentless_delete = 1)")
    run(
      schema
        .createTable('guest_token')
        .addColumn('token', 'text', (c) => c.notNull())
        .addColumn('guest_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('guest_token_pk', ['token', 'guest_id'])
        .modifyEnd(sqlWithoutRowid),
    )
    run(schema.createIndex('guest_token_by_guest').on('guest_token').columns(['guest_id']))
  },
}

const sqlWithoutRowid = sql`WITHOUT ROWID`
