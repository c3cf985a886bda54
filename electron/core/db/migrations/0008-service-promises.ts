import type { Migration } from './migration'

// Frozen once shipped: add a new file instead.
// Service promises (issue 10):
// - rules gain a kind (task or standing instruction), timing (days before arrival or after
//   departure, a time of day), conditions on the guest and the stay (JSON), their own promise to
//   acknowledge, an order, and a mark for the rules Zhike ships; a rule's category and code may
//   be '' (a rule on the guest's facts only, such as a VIP level);
// - departments promise to acknowledge as well as to act, and escalate in steps set in the UI;
// - prompts carry their kind, who they are assigned to, when they escalated, when they fell
//   overdue, when they fired late, and when guest relations read a decline;
// - the scheduler claims each timed firing once (scheduled_fire); the night audit records each
//   business date it closed (night_audit);
// - a prompt's dedupe key names the preference's category, code and value rather than its id,
//   so two identical preferences give one prompt.
export const servicePromises: Migration = {
  name: '0008-service-promises',
  up({ schema, run }) {
    run(schema.alterTable('rule').addColumn('kind', 'text', (c) => c.notNull().defaultTo('task')))
    run(schema.alterTable('rule').addColumn('offset_days', 'integer'))
    run(schema.alterTable('rule').addColumn('at_time', 'text'))
    run(schema.alterTable('rule').addColumn('conditions', 'text', (c) => c.notNull().defaultTo('{}')))
    run(schema.alterTable('rule').addColumn('ack_minutes', 'integer'))
    run(schema.alterTable('rule').addColumn('position', 'integer', (c) => c.notNull().defaultTo(0)))
    run(schema.alterTable('rule').addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0)))
    run(schema.alterTable('rule').addColumn('updated_at', 'text'))
    run('UPDATE rule SET position = id * 10')
    // Allergy alerts, access needs and privacy wishes hold for the whole stay.
    run("UPDATE rule SET kind = 'standing' WHERE (category = 'food' AND code = 'allergy') OR category = 'access' OR (category = 'service' AND code = 'privacy')")

    run(schema.alterTable('department').addColumn('ack_minutes', 'integer', (c) => c.notNull().defaultTo(10)))
    run('UPDATE department SET ack_minutes = MIN(promise_minutes, 10)')
    run(
      schema
        .createTable('escalation_step')
        .addColumn('department_code', 'text', (c) => c.notNull().references('department.code'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('after_minutes', 'integer', (c) => c.notNull())
        .addColumn('notify', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('escalation_step_pk', ['department_code', 'position']),
    )
    run("INSERT INTO escalation_step (department_code, position, after_minutes, notify) SELECT code, 1, 0, 'lead' FROM department")
    run("INSERT INTO escalation_step (department_code, position, after_minutes, notify) SELECT code, 2, 15, 'duty_manager' FROM department")

    run(schema.alterTable('prompt').addColumn('kind', 'text', (c) => c.notNull().defaultTo('task')))
    for (const column of ['escalated_at', 'overdue_at', 'assigned_at', 'scheduled_for', 'decline_read_at']) {
      run(schema.alterTable('prompt').addColumn(column, 'text'))
    }
    run(schema.alterTable('prompt').addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0)))
    run(schema.alterTable('prompt').addColumn('assigned_to', 'integer', (c) => c.references('staff.id')))
    run(schema.alterTable('prompt').addColumn('decline_read_by', 'integer', (c) => c.references('staff.id')))
    run(schema.alterTable('prompt').addColumn('late_minutes', 'integer'))
    run("UPDATE prompt SET kind = 'standing' WHERE rule_id IN (SELECT id FROM rule WHERE kind = 'standing')")
    // The first prompt of each stay, rule and preference value keeps the new key; any later
    // twin (made for a duplicate preference) keeps its own, suffixed by its id.
    run(
      `CREATE TEMP TABLE prompt_rekey AS
         SELECT prompt.id AS id, prompt.stay_id || ':' || prompt.rule_id || ':' || preference.category || '.' || preference.code || '=' || preference.value AS key
         FROM prompt JOIN preference ON preference.id = prompt.preference_id`,
    )
    run(
      `UPDATE prompt SET dedupe_key = (
         SELECT r.key || CASE WHEN r.id = (SELECT MIN(t.id) FROM prompt_rekey t WHERE t.key = r.key) THEN '' ELSE ':twin' || r.id END
         FROM prompt_rekey r WHERE r.id = prompt.id)
       WHERE id IN (SELECT id FROM prompt_rekey)`,
    )
    run('DROP TABLE prompt_rekey')
    run("CREATE INDEX prompt_open_by_escalation ON prompt (escalate_at) WHERE status = 'open'")
    run("CREATE INDEX prompt_open_by_due ON prompt (due_at) WHERE status IN ('open', 'acknowledged') AND overdue_at IS NULL")
    run("CREATE INDEX prompt_declined_unread ON prompt (declined_at) WHERE status = 'declined' AND decline_read_at IS NULL")

    run(
      schema
        .createTable('scheduled_fire')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('fired_at', 'text', (c) => c.notNull())
        .addColumn('late_minutes', 'integer'),
    )
    run(
      schema
        .createTable('night_audit')
        .addColumn('business_date', 'text', (c) => c.primaryKey())
        .addColumn('run_at', 'text', (c) => c.notNull())
        .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
        .addColumn('late_minutes', 'integer')
        .addColumn('report', 'text', (c) => c.notNull()),
    )
  },
}
