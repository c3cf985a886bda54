import type { Migration } from './migration'

// Frozen once shipped: add a new file instead.
// Promise timers (issue 10, the scheduler's budget):
// - each open prompt stores when its next escalation step falls due (next_escalation_at): the
//   acknowledge promise itself before the first escalation, then the department's next step,
//   NULL once the last step is taken. The scheduler reads an index on it instead of re-checking
//   every open prompt's steps on every tick;
// - overdue flags are looked for among open tasks only (standing instructions are never overdue);
// - a cancelled prompt records why it was cancelled (check_out, withdrawn, undone, …), so undoing
//   a check-out reopens only what that check-out closed.
export const promiseTimers: Migration = {
  name: '0009-promise-timers',
  up({ schema, run }) {
    run(schema.alterTable('prompt').addColumn('next_escalation_at', 'text'))
    run(schema.alterTable('prompt').addColumn('cancel_reason', 'text'))
    run(
      `UPDATE prompt SET next_escalation_at = CASE
         WHEN escalated_at IS NULL THEN escalate_at
         ELSE (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', julianday(prompt.escalate_at) + (s.after_minutes * 60000 - 100) / 86400000.0)
               FROM escalation_step s WHERE s.department_code = prompt.department_code AND s.position = prompt.escalation_level + 1)
       END
       WHERE status = 'open'`,
    )
    run("CREATE INDEX prompt_open_by_next_escalation ON prompt (next_escalation_at) WHERE status = 'open' AND next_escalation_at IS NOT NULL")
    run('DROP INDEX prompt_open_by_due')
    run("CREATE INDEX prompt_task_open_by_due ON prompt (due_at) WHERE status IN ('open', 'acknowledged') AND overdue_at IS NULL AND kind = 'task'")
  },
}
