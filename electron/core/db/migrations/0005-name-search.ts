import { sql } from 'kysely'
import type { Migration } from './migration'

// Frozen: shipped migrations never change. Add a new file instead.
// Names that never miss a guest: the phone in E.164 beside the typed form; duplicate match keys
// in a table of their own, as 48-bit hashes (never typeable into search, unlike tokens); duplicate candidates kept
// up to date as guests are written; and a way to find profiles merged into a survivor.
export const nameSearch: Migration = {
  name: '0005-name-search',
  up({ schema, run }) {
    run(schema.alterTable('guest').addColumn('phone_e164', 'text'))
    run("CREATE INDEX guest_merged_into ON guest (merged_into) WHERE merged_into IS NOT NULL")
    run(
      schema
        .createTable('guest_match_key')
        .addColumn('key', 'integer', (c) => c.notNull())
        .addColumn('guest_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('guest_match_key_pk', ['key', 'guest_id'])
        .modifyEnd(withoutRowid),
    )
    run(schema.createIndex('guest_match_key_by_guest').on('guest_match_key').columns(['guest_id']))
    run(
      schema
        .createTable('duplicate_candidate')
        .addColumn('low_id', 'integer', (c) => c.notNull())
        .addColumn('high_id', 'integer', (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('duplicate_candidate_pk', ['low_id', 'high_id'])
        .modifyEnd(withoutRowid),
    )
    run(schema.createIndex('duplicate_candidate_by_high').on('duplicate_candidate').columns(['high_id']))
    run(schema.createIndex('duplicate_candidate_by_score').on('duplicate_candidate').columns(['score']))
    // Match keys used to live among the search tokens, behind a control character.
    run("DELETE FROM guest_token WHERE token >= char(1) AND token < char(2)")
  },
}

const withoutRowid = sql`WITHOUT ROWID`
