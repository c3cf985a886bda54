import type { Migration } from './migration'

// Frozen once shipped: add a new file instead.
// Staff, roles and privacy (issue 12). The audit log says from which terminal each action came
// (the client's address as the socket saw it, 'desktop' for the app's own window), and it is
// append-only: the store itself refuses to change or delete a row, whatever code asks. The one
// exception is `staff_id`, which a full import (transfer) renumbers to the importing store's staff
// ids; the action, its time, guest, entity, detail and terminal never change.
export const auditTerminal: Migration = {
  name: '0013-audit-terminal',
  up({ schema, run }) {
    run(schema.alterTable('audit_log').addColumn('terminal', 'text'))
    run(schema.createIndex('audit_by_staff').on('audit_log').columns(['staff_id', 'id']))
    run(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OF at, action, guest_id, entity, entity_id, detail, terminal ON audit_log
      BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END`)
    run(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END`)
  },
}
