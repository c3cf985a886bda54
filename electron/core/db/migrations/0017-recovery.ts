import type { Migration } from './migration'

// Frozen once shipped: add a new file instead.
// Complaints and recovery (issue 13, recovery/):
// - recovery_case: a complaint (the guest said so) or an incident (staff noticed) against a guest
//   and a stay, with the department concerned, an owner, and two promises: the first response
//   (first_response_due_at, from the first-response rule's acknowledge minutes) and the
//   resolution (resolution_due_at, its complete minutes). status: open → resolved (all six steps
//   done or skipped) → closed.
// - recovery_step: the six steps of a recovery, one row each from the moment the case opens
//   (position 1..6: apologise, listen, solution, compensation, promise, follow_up), each with who
//   and when; a step closed before an earlier one keeps the reason. Compensation is kept in the
//   minor unit of the hotel's currency (setting hotel.currency: fen for CNY).
// - satisfaction: a guest's score (1–5) and comment for a stay, entered by staff or imported.
// - observation.recovery_case_id: a lesson a case proposed, reviewed like any observation.
export const recovery: Migration = {
  name: '0017-recovery',
  up({ schema, run }) {
    run(
      schema
        .createTable('recovery_case')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('guest_id', 'integer', (c) => c.notNull().references('guest.id'))
        .addColumn('stay_id', 'integer', (c) => c.notNull().references('stay.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('department_code', 'text', (c) => c.notNull().references('department.code'))
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('raised_by', 'integer', (c) => c.notNull().references('staff.id'))
        .addColumn('raised_at', 'text', (c) => c.notNull())
        .addColumn('raised_from', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'integer', (c) => c.references('staff.id'))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .addColumn('first_response_due_at', 'text', (c) => c.notNull())
        .addColumn('first_responded_at', 'text')
        .addColumn('resolution_due_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .addColumn('closed_at', 'text')
        .addColumn('closed_by', 'integer', (c) => c.references('staff.id'))
        .addColumn('first_response_prompt_id', 'integer', (c) => c.references('prompt.id'))
        .addColumn('lesson_observation_id', 'integer', (c) => c.references('observation.id')),
    )
    run(schema.createIndex('recovery_case_by_status').on('recovery_case').columns(['status', 'raised_at']))
    run(schema.createIndex('recovery_case_by_guest').on('recovery_case').columns(['guest_id']))
    run(schema.createIndex('recovery_case_by_stay').on('recovery_case').columns(['stay_id']))
    run(schema.createIndex('recovery_case_by_raised').on('recovery_case').columns(['raised_at']))
    run(
      schema
        .createTable('recovery_step')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('case_id', 'integer', (c) => c.notNull().references('recovery_case.id'))
        .addColumn('step', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('done_at', 'text')
        .addColumn('done_by', 'integer', (c) => c.references('staff.id'))
        .addColumn('note', 'text')
        .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('out_of_order_reason', 'text')
        .addColumn('compensation_kind', 'text')
        .addColumn('compensation_minor', 'integer')
        .addColumn('promise_text', 'text')
        .addColumn('promise_due_date', 'text')
        .addColumn('promise_department', 'text', (c) => c.references('department.code'))
        .addColumn('promise_prompt_id', 'integer', (c) => c.references('prompt.id'))
        .addColumn('promise_kept_at', 'text')
        .addColumn('follow_up_at', 'text')
        .addColumn('follow_up_prompt_id', 'integer', (c) => c.references('prompt.id'))
        .addUniqueConstraint('recovery_step_once', ['case_id', 'step']),
    )
    // Promises still to keep, by guest (the next stay remembers them).
    run("CREATE INDEX recovery_step_open_promise ON recovery_step (case_id) WHERE step = 'promise' AND promise_text IS NOT NULL AND promise_kept_at IS NULL")
    run(
      schema
        .createTable('satisfaction')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('guest_id', 'integer', (c) => c.notNull().references('guest.id'))
        .addColumn('stay_id', 'integer', (c) => c.notNull().references('stay.id'))
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('answered_on', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'integer', (c) => c.references('staff.id'))
        .addColumn('import_file', 'text'),
    )
    run(schema.createIndex('satisfaction_by_guest').on('satisfaction').columns(['guest_id']))
    run(schema.createIndex('satisfaction_by_stay').on('satisfaction').columns(['stay_id']))
    run(schema.createIndex('satisfaction_by_recorded').on('satisfaction').columns(['recorded_at']))
    run(schema.alterTable('observation').addColumn('recovery_case_id', 'integer', (c) => c.references('recovery_case.id')))
  },
}
