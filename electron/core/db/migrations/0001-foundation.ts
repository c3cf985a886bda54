import type { Migration } from './migration'

// Frozen: shipped migrations never change. Add a new file instead.
export const foundation: Migration = {
  name: '0001-foundation',
  up({ schema, run }) {
    run(
      schema
        .createTable('department')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('promise_minutes', 'integer', (c) => c.notNull().defaultTo(30))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
    )
    run(
      schema
        .createTable('staff')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('roman_name', 'text')
        .addColumn('department_code', 'text', (c) => c.notNull().references('department.code'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('pin_hash', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull()),
    )
    run(
      schema
        .createTable('room')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('number', 'text', (c) => c.notNull().unique())
        .addColumn('floor', 'integer', (c) => c.notNull())
        .addColumn('facing', 'text', (c) => c.notNull())
        .addColumn('view', 'text')
        .addColumn('bed', 'text', (c) => c.notNull())
        .addColumn('features', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('out_of_order', 'integer', (c) => c.notNull().defaultTo(0)),
    )
    run(
      schema
        .createTable('guest')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('native_name', 'text', (c) => c.notNull())
        .addColumn('roman_name', 'text')
        .addColumn('salutation', 'text')
        .addColumn('gender', 'text')
        .addColumn('nationality', 'text')
        .addColumn('home_city', 'text')
        .addColumn('languages', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('occupation', 'text')
        .addColumn('company', 'text')
        .addColumn('phone', 'text')
        .addColumn('email', 'text')
        .addColumn('birth_date', 'text')
        .addColumn('document_no', 'text')
        .addColumn('vip', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('notes', 'text')
        .addColumn('search_key', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('merged_into', 'integer', (c) => c.references('guest.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull()),
    )
    run(
      schema
        .createTable('preference')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('guest_id', 'integer', (c) => c.notNull().references('guest.id'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('strength', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull().defaultTo('always'))
        .addColumn('stay_id', 'integer', (c) => c.references('stay.id'))
        .addColumn('note', 'text')
        .addColumn('source_staff_id', 'integer', (c) => c.references('staff.id'))
        .addColumn('source_department', 'text')
        .addColumn('source_observation_id', 'integer')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('last_confirmed_at', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
    )
    run(schema.createIndex('preference_by_guest').on('preference').columns(['guest_id', 'active']))
    run(
      schema
        .createTable('stay')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('confirmation_no', 'text', (c) => c.notNull().unique())
        .addColumn('guest_id', 'integer', (c) => c.notNull().references('guest.id'))
        .addColumn('arrival_date', 'text', (c) => c.notNull())
        .addColumn('departure_date', 'text', (c) => c.notNull())
        .addColumn('party_size', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('room_id', 'integer', (c) => c.references('room.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('checked_in_at', 'text')
        .addColumn('checked_in_by', 'integer', (c) => c.references('staff.id'))
        .addColumn('checked_out_at', 'text')
        .addColumn('checked_out_by', 'integer', (c) => c.references('staff.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('staff.id')),
    )
    run(schema.createIndex('stay_by_guest').on('stay').columns(['guest_id', 'arrival_date']))
    run(schema.createIndex('stay_by_arrival').on('stay').columns(['arrival_date', 'status']))
    // At most one in-house stay per room: the store itself refuses a double check-in.
    run(
      'CREATE UNIQUE INDEX stay_one_in_house_per_room ON stay (room_id) WHERE status = \'in_house\'',
    )
    run(
      schema
        .createTable('rule')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('value', 'text')
        .addColumn('department_code', 'text', (c) => c.notNull().references('department.code'))
        .addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal'))
        .addColumn('due_minutes', 'integer', (c) => c.notNull().defaultTo(30))
        .addColumn('template_en', 'text', (c) => c.notNull())
        .addColumn('template_zh', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1)),
    )
    run(
      schema
        .createTable('prompt')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
        .addColumn('stay_id', 'integer', (c) => c.notNull().references('stay.id'))
        .addColumn('guest_id', 'integer', (c) => c.notNull().references('guest.id'))
        .addColumn('rule_id', 'integer', (c) => c.notNull().references('rule.id'))
        .addColumn('preference_id', 'integer', (c) => c.references('preference.id'))
        .addColumn('department_code', 'text', (c) => c.notNull().references('department.code'))
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('text_en', 'text', (c) => c.notNull())
        .addColumn('text_zh', 'text', (c) => c.notNull())
        .addColumn('priority', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('escalate_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('acknowledged_at', 'text')
        .addColumn('acknowledged_by', 'integer', (c) => c.references('staff.id'))
        .addColumn('done_at', 'text')
        .addColumn('done_by', 'integer', (c) => c.references('staff.id'))
        .addColumn('declined_at', 'text')
        .addColumn('declined_by', 'integer', (c) => c.references('staff.id'))
        .addColumn('decline_reason', 'text'),
    )
    run(schema.createIndex('prompt_by_department').on('prompt').columns(['department_code', 'status', 'due_at']))
    run(schema.createIndex('prompt_by_guest').on('prompt').columns(['guest_id']))
    run(
      schema
        .createTable('vocabulary')
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('label_en', 'text', (c) => c.notNull())
        .addColumn('label_zh', 'text', (c) => c.notNull())
        .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('vocabulary_pk', ['category', 'code', 'value']),
    )
    run(
      schema
        .createTable('audit_log')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('guest_id', 'integer')
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'integer')
        .addColumn('detail', 'text'),
    )
    run(schema.createIndex('audit_by_guest').on('audit_log').columns(['guest_id', 'at']))
    run(
      schema
        .createTable('setting')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull()),
    )
  },
}
