import type { RowReader } from './report-row-reader'
import { parseBlock, parseHousekeeping, parseReportDate, type BlockKind, type DateOrder, type Housekeeping } from './report-values'

/** A room's block as a room status report gives it; dates are ISO, either may be open. */
export interface RoomBlock {
  kind: BlockKind
  reason: string | null
  from: string | null
  until: string | null
}

/** One room from a room status report, checked and in Zhike's terms. */
export interface RoomStatusReportRow {
  line: number
  /** Upper-case. */
  roomNumber: string
  roomType: string | null
  /** Null when the report does not say. */
  housekeeping: Housekeeping | null
  /** A block; null: the room is not blocked (clear any block); undefined: the report does not say (keep it). */
  block: RoomBlock | null | undefined
}

function readDate(row: RowReader, field: 'blockFrom' | 'blockUntil', order: DateOrder): string | null {
  const text = row.text(field)
  if (text === null) return null
  const read = parseReportDate(text, order)
  if ('date' in read) return read.date
  row.error(field, read.problem, `${field} "${text}" ${read.problem === 'ambiguous_date' ? 'could be day/month or month/day: choose the date order' : 'is not a date'}.`)
  return null
}

/** Reads one row of a room status report. Returns null when the row has errors (they are recorded). */
export function readRoomStatusRow(row: RowReader, order: DateOrder): RoomStatusReportRow | null {
  const roomNumber = row.text('roomNumber')
  if (roomNumber === null) row.error('roomNumber', 'required', 'the room number is empty.')
  else if (!/^[0-9A-Za-z-]{1,10}$/.test(roomNumber)) row.error('roomNumber', 'bad_room_number', `the room number "${roomNumber}" may hold only letters, digits and - (at most 10).`)
  const roomType = row.text('roomType')
  if (roomType !== null && !/^[0-9A-Za-z_-]{1,12}$/.test(roomType)) row.error('roomType', 'bad_room_type', `the room type "${roomType}" may hold only letters, digits, - and _ (at most 12).`)

  // A PMS often prints OOO or OOS in the room status column itself.
  const housekeepingText = row.text('housekeeping')
  let housekeeping: Housekeeping | null = null
  let blockInStatus: BlockKind | null = null
  if (housekeepingText !== null) {
    housekeeping = parseHousekeeping(housekeepingText)
    const asBlock = housekeeping ? null : parseBlock(housekeepingText)
    if (asBlock && asBlock !== 'none') blockInStatus = asBlock
    else if (!housekeeping) row.error('housekeeping', 'bad_housekeeping', `the room status "${housekeepingText}" is not one Zhike knows (such as VC, VD, OC, OD, IP, PU, 空净, 住脏).`)
  }

  const blockText = row.cell('block')
  let kind: BlockKind | 'none' | null | undefined = blockText === null ? undefined : parseBlock(blockText)
  if (kind === null) row.error('block', 'bad_block', `the block "${blockText}" is not one Zhike knows (OOO, OOS, or empty for none).`)
  if (blockInStatus && (kind === undefined || kind === 'none')) kind = blockInStatus
  const reason = row.limited('blockReason', 200)
  const from = readDate(row, 'blockFrom', order)
  const until = readDate(row, 'blockUntil', order)
  if (from && until && until < from) row.error('blockUntil', 'dates_out_of_order', `the block ends (${until}) before it starts (${from}).`)

  if (row.hasErrors || roomNumber === null || kind === null) return null
  return {
    line: row.line,
    roomNumber: roomNumber.toUpperCase(),
    roomType: roomType?.toUpperCase() ?? null,
    housekeeping,
    block: kind === undefined ? undefined : kind === 'none' ? null : { kind, reason, from, until },
  }
}
