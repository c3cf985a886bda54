import { createHash } from 'node:crypto'
import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf, type OperationContext } from '../context'
import { inTransaction } from '../db/transaction'
import { AppError } from '../errors'
import { operation } from '../operation'
import { readReportFile, type ReportFile, type ReportFileWording } from '../pms/report-file'
import { parseFeatures } from './room'
import { listAllRooms } from './room.repository'
import { roomOperations } from './room.operations'
import { checkRoomSheet, guessRoomMapping, roomColumnFields, roomMappingSchema, type ExistingRoom, type RoomMapping, type RoomSheetCheck, type RoomSheetProblem } from './room-sheet'

// Importing the hotel's rooms from a spreadsheet (issue 11). The file is read by the PMS report
// reader (CSV in UTF-8, UTF-16 or GB18030, delimiter sniffed, title lines skipped; XLSX), checked
// whole by room-sheet.ts, and only a clean file is applied, every room through room.create or
// room.update, in the operation's one transaction.

/** A room file as sent over either transport: its name and its bytes in base64 (≤ 10 MB decoded). */
const roomUpload = {
  fileName: z.string().trim().min(1, 'Name the file.').max(200),
  content: z.string().min(1, 'The file is empty.').max(14_000_000, 'Room files up to 10 MB can be imported.'),
  /** Which column is which; absent: guessed from the headers. */
  mapping: roomMappingSchema.optional(),
}

const base64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/

/**
 * How the shared file reader words a refused room list: of a room list saved from the hotel's own
 * spreadsheet, never of a PMS report.
 */
export const roomListWording: ReportFileWording = {
  kind: 'room list',
  again: 'Save the room list again from your spreadsheet',
  smaller: 'Save fewer rooms in each file',
  headerExample: '"Room", "Floor", "Facing", "Bed" (房号, 楼层, 朝向, 床型)',
}

/**
 * Decodes and reads the upload (outside the transaction: exceljs reads asynchronously). A refused
 * file is REPORT_FILE worded for a room list, with `details.context` 'room_list' so the screen's
 * translation (errors.REPORT_FILE_room_list) speaks of one too.
 */
async function readRoomUpload(input: { fileName: string; content: string }): Promise<{ bytes: Uint8Array; file: ReportFile }> {
  if (!base64.test(input.content)) {
    throw new AppError('VALIDATION', 'The file did not arrive whole (its content is not base64). Choose the file again.', { issues: [{ path: 'content', message: 'Not base64.' }] })
  }
  const bytes = new Uint8Array(Buffer.from(input.content, 'base64'))
  try {
    return { bytes, file: await readReportFile(bytes, input.fileName, roomListWording) }
  } catch (error) {
    if (error instanceof AppError && error.code === 'REPORT_FILE') throw new AppError('REPORT_FILE', error.message, { ...error.details, context: 'room_list' })
    throw error
  }
}

function existingRooms(ctx: OperationContext): Map<string, ExistingRoom> {
  return new Map(
    listAllRooms(ctx.sqlite).map((r) => [
      r.number,
      { number: r.number, floor: r.floor, facing: r.facing, view: r.view, bed: r.bed, features: parseFeatures(r.features), roomType: r.room_type, retired: r.retired_at !== null },
    ]),
  )
}

/** The mapping given, else one guessed from the headers; and which it was. */
function mappingFor(input: { mapping?: RoomMapping }, file: ReportFile): { mapping: RoomMapping; source: 'given' | 'guessed' } {
  return input.mapping ? { mapping: input.mapping, source: 'given' } : { mapping: guessRoomMapping(file.headers), source: 'guessed' }
}

function counts(check: RoomSheetCheck) {
  return {
    create: check.rows.filter((r) => r.action === 'create').length,
    update: check.rows.filter((r) => r.action === 'update').length,
    unchanged: check.rows.filter((r) => r.action === 'unchanged').length,
  }
}

/** What room.import answers: applied (with counts) or rejected (with every bad row; nothing saved). */
export interface RoomImportOutcome {
  status: 'applied' | 'rejected'
  rows: number
  created: string[]
  updated: string[]
  unchanged: number
  errors: RoomSheetProblem[]
}

export const roomImportOperations = {
  'room.importPreview': operation({
    kind: 'query',
    summary:
      'Read a room list (CSV or XLSX) without importing it: its headers, the mapping used (given, or guessed from the headers), the first rows as they would be read, how many rooms would be added, updated or left as they are, and every bad row with its line, field and what to fix.',
    permission: 'hotel.write',
    input: z.object(roomUpload),
    prepare: readRoomUpload,
    handler(ctx, input, prepared) {
      const { file } = prepared
      const { mapping, source } = mappingFor(input, file)
      const check = checkRoomSheet(file, mapping, existingRooms(ctx))
      const byLine = new Map(check.rows.map((r) => [r.line, r]))
      return {
        fields: roomColumnFields,
        headers: file.headers,
        headerLine: file.headerLine,
        mapping,
        mappingSource: source,
        rows: file.rows.length,
        sample: file.rows.slice(0, 10).map((r) => {
          const room = byLine.get(r.line)
          return { line: r.line, cells: r.cells, room: room ? { number: room.number, action: room.action, floorFromNumber: room.floorFromNumber, ...room.facts } : null }
        }),
        counts: counts(check),
        errors: check.errors,
      }
    },
  }),

  'room.import': operation({
    kind: 'mutation',
    summary:
      'Import a room list (CSV or XLSX) with the mapping shown: checked whole first, and if any row is bad nothing is imported (status rejected, every bad row listed). Otherwise every new room goes through room.create and every room Zhike has through room.update (its non-empty cells; numbers never change; a retired room is a bad row), all in one transaction. Audited.',
    permission: 'hotel.write',
    input: z.object(roomUpload),
    prepare: readRoomUpload,
    handler(ctx, input, prepared): RoomImportOutcome {
      const actor = actorOf(ctx)
      const { file, bytes } = prepared
      const { mapping } = mappingFor(input, file)
      const check = checkRoomSheet(file, mapping, existingRooms(ctx))
      const at = ctx.clock.now().toISOString()
      const checksum = createHash('sha256').update(bytes).digest('hex')
      if (check.errors.length > 0) {
        recordAudit(ctx.sqlite, {
          at,
          staffId: actor.staffId,
          action: 'room.import',
          entity: 'room',
          detail: { fileName: input.fileName, checksum, status: 'rejected', rows: file.rows.length, errors: check.errors.length },
        })
        return { status: 'rejected', rows: file.rows.length, created: [], updated: [], unchanged: 0, errors: check.errors }
      }
      const created: string[] = []
      const updated: string[] = []
      let unchanged = 0
      // A savepoint: a row refused half-way (a room another desk added meanwhile) leaves nothing behind.
      inTransaction(ctx.sqlite, () => {
        for (const row of check.rows) {
          const f = row.facts
          if (row.action === 'create') {
            const parsed = roomOperations['room.create'].input.safeParse({
              number: row.number,
              floor: f.floor,
              facing: f.facing,
              bed: f.bed,
              view: f.view ?? null,
              features: f.features ?? [],
              roomType: f.roomType ?? '',
            })
            if (!parsed.success) throw rowRefused(row.line, parsed.error.issues[0]?.message ?? 'invalid')
            roomOperations['room.create'].handler(ctx, parsed.data)
            created.push(row.number)
          } else if (row.action === 'update') {
            const parsed = roomOperations['room.update'].input.safeParse({ roomNumber: row.number, ...f })
            if (!parsed.success) throw rowRefused(row.line, parsed.error.issues[0]?.message ?? 'invalid')
            const result = roomOperations['room.update'].handler(ctx, parsed.data)
            if (result.changed.length > 0) updated.push(row.number)
            else unchanged++
          } else unchanged++
        }
      })
      recordAudit(ctx.sqlite, {
        at,
        staffId: actor.staffId,
        action: 'room.import',
        entity: 'room',
        detail: { fileName: input.fileName, checksum, status: 'applied', rows: file.rows.length, created: created.length, updated: updated.length, unchanged },
      })
      return { status: 'applied', rows: file.rows.length, created, updated, unchanged, errors: [] }
    },
  }),
}

function rowRefused(line: number, message: string): AppError {
  return new AppError('VALIDATION', `Line ${line}: ${message} Nothing was imported.`, { line, issues: [{ path: 'file', message: `Line ${line}: ${message}` }] })
}
