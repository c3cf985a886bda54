import type { Migration } from './migration'

// Frozen once shipped: add a new file instead.
// Rooms can be retired (issue 11, the manager's desk): a retired room is never offered, sold or
// shown on the boards, but keeps its row, so every stay that used it keeps its room number.
// retired_at is the instant it was retired (ISO), NULL while the room is in the inventory.
export const roomRetired: Migration = {
  name: '0010-room-retired',
  up({ schema, run }) {
    run(schema.alterTable('room').addColumn('retired_at', 'text'))
  },
}
