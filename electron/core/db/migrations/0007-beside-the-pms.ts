import type { Migration } from './migration'

// Frozen once shipped: add a new file instead.
// Zhike beside the hotel's PMS (issue 9):
// - rooms have a room type, a housekeeping status and a block (out of order or out of service,
//   with reason and dates) in place of the yes/no out_of_order flag;
// - guests keep the PMS's profile id and a membership number;
// - stays keep the PMS's confirmation number, the booked room type, ETA, membership number,
//   company or travel agent, source and booking remarks, and where the stay came from;
// - a stay holds its accompanying guests (同住人);
// - every stay event (reservation, pre-arrival, check-in, room move, dates changed, check-out,
//   withdrawn) is recorded once, whichever way the news came (desk or PMS);
// - PMS arrivals that match no profile, or more than one, wait in guest relations' queue;
// - every report import is logged with its outcome.
export const besideThePms: Migration = {
  name: '0007-beside-the-pms',
  up({ schema, run }) {
    run(schema.alterTable('room').addColumn('room_type', 'text', (c) => c.notNull().defaultTo('')))
    run(schema.alterTable('room').addColumn('housekeeping', 'text', (c) => c.notNull().defaultTo('clean')))
    run(schema.alterTable('room').addColumn('block', 'text'))
    run(schema.alterTable('room').addColumn('block_reason', 'text'))
    run(schema.alterTable('room').addColumn('block_from', 'text'))
    run(schema.alterTable('room').addColumn('block_until', 'text'))
    run("UPDATE room SET block = 'out_of_order' WHERE out_of_order = 1")
    run('ALTER TABLE room DROP COLUMN out_of_order')
    run(schema.createIndex('room_by_type').on('room').columns(['room_type']))

    run(schema.alterTable('guest').addColumn('pms_profile_id', 'text'))
    run(schema.alterTable('guest').addColumn('membership_no', 'text'))
    run('CREATE UNIQUE INDEX guest_pms_profile ON guest (pms_profile_id) WHERE pms_profile_id IS NOT NULL')
    run('CREATE INDEX guest_membership ON guest (membership_no) WHERE membership_no IS NOT NULL')

    for (const column of ['pms_confirmation', 'room_type', 'eta', 'membership_no', 'company', 'source', 'remarks', 'withdrawn_at']) {
      run(schema.alterTable('stay').addColumn(column, 'text'))
    }
    run(schema.alterTable('stay').addColumn('origin', 'text', (c) => c.notNull().defaultTo('desk')))
    run('CREATE UNIQUE INDEX stay_pms_confirmation ON stay (pms_confirmation) WHERE pms_confirmation IS NOT NULL')
    // One guest in house per room, for the desk's own stays. The PMS may share a room between
    // two bookings (a share-with reservation) and swaps rooms between two exports: its word wins.
    run('DROP INDEX stay_one_in_house_per_room')
    run("CREATE UNIQUE INDEX stay_one_in_house_per_room ON stay (room_id) WHERE status = 'in_house' AND pms_confirmation IS NULL")

    run(
      schema
        .createTable('stay_companion')
        .addColumn('stay_id', 'integer', (c) => c.notNull().references('stay.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('guest_id', 'integer', (c) => c.references('guest.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('stay_companion_pk', ['stay_id', 'position']),
    )
    run(schema.createIndex('stay_companion_by_guest').on('stay_companion').columns(['guest_id']))

    run(
      schema
        .createTable('stay_event')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('stay_id', 'integer', (c) => c.notNull().references('stay.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('staff_id', 'integer')
        .addColumn('detail', 'text'),
    )
    run(schema.createIndex('stay_event_by_stay').on('stay_event').columns(['stay_id', 'id']))

    run(
      schema
        .createTable('arrival_match')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('stay_id', 'integer', (c) => c.notNull().references('stay.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('candidates', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .addColumn('resolved_by', 'integer'),
    )
    run("CREATE UNIQUE INDEX arrival_match_open ON arrival_match (stay_id) WHERE status = 'open'")

    run(
      schema
        .createTable('pms_import')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('checksum', 'text', (c) => c.notNull())
        .addColumn('via', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('staff_id', 'integer')
        .addColumn('rows', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('report', 'text', (c) => c.notNull()),
    )

    // Outlets (中餐厅, 大堂吧, 送餐) are departments under Food & Beverage: rules may target an
    // outlet, and F&B's own board sees its outlets' prompts too.
    run(schema.alterTable('department').addColumn('parent_code', 'text'))

    // The trade's words in stores made before: the restaurant department is Food & Beverage
    // (餐饮部), and the "address as" rule no longer names the guest twice (郑总 → "称呼郑总为郑总").
    run("UPDATE department SET name_en = 'Food & Beverage', name_zh = '餐饮部' WHERE code = 'restaurant' AND name_en = 'Restaurant'")
    run(
      `UPDATE rule SET template_en = 'Address the guest in room {room} as "{value}".', template_zh = '请称呼{room}房的宾客为"{value}"。' WHERE key = 'address-as' AND template_zh = '称呼{guest}为"{value}"。'`,
    )
  },
}
