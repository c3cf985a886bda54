import { z } from 'zod'
import { dateOrders } from './report-values'

/** The PMS reports Zhike reads. */
export const reportKinds = ['arrivals', 'in_house', 'departures', 'room_status'] as const
export type ReportKind = (typeof reportKinds)[number]
export type StayReportKind = Exclude<ReportKind, 'room_status'>

/** What Zhike reads from a stay report (arrivals, in-house, departures), in the order the mapping screen lists it. */
export const stayFieldNames = [
  'confirmation', 'guestName', 'nativeName', 'salutation', 'arrival', 'departure', 'status', 'roomNumber', 'roomType',
  'adults', 'children', 'eta', 'vip', 'profileId', 'membershipNo', 'phone', 'email', 'birthDate', 'nationality',
  'company', 'source', 'remarks', 'companions',
] as const
/** What Zhike reads from a room status report. */
export const roomStatusFieldNames = ['roomNumber', 'roomType', 'housekeeping', 'block', 'blockReason', 'blockFrom', 'blockUntil'] as const

export type StayFieldName = (typeof stayFieldNames)[number]
export type RoomStatusFieldName = (typeof roomStatusFieldNames)[number]
export type FieldName = StayFieldName | RoomStatusFieldName
export const fieldNames = [...new Set<FieldName>([...stayFieldNames, ...roomStatusFieldNames])] as [FieldName, ...FieldName[]]

const stayRequired: readonly FieldName[] = ['confirmation', 'guestName', 'arrival', 'departure']

/** The fields of each report kind, required ones marked. */
export function reportFields(kind: ReportKind): { name: FieldName; required: boolean }[] {
  if (kind === 'room_status') return roomStatusFieldNames.map((name) => ({ name, required: name === 'roomNumber' }))
  return stayFieldNames.map((name) => ({ name, required: stayRequired.includes(name) }))
}

/**
 * How one hotel's PMS report maps to Zhike: for each field, the file's header text (as the file
 * writes it), and how ambiguous dates like 01/02/2026 are read. Saved once per hotel and kind.
 */
export const mappingSchema = z
  .object({
    kind: z.enum(reportKinds),
    columns: z.partialRecord(z.enum(fieldNames), z.string().trim().min(1).max(120)),
    dateOrder: z.enum(dateOrders).default('ymd'),
  })
  .superRefine((mapping, ctx) => {
    const allowed = new Set(reportFields(mapping.kind).map((f) => f.name))
    const readBy = new Map<string, string>()
    for (const [field, header] of Object.entries(mapping.columns)) {
      const other = readBy.get(header.toLowerCase())
      if (other) ctx.addIssue({ code: 'custom', path: ['columns', field], message: `The column "${header}" is already read as ${other}; give ${field} a column of its own.` })
      else readBy.set(header.toLowerCase(), field)
    }
    for (const field of Object.keys(mapping.columns)) {
      if (!allowed.has(field as FieldName)) {
        ctx.addIssue({ code: 'custom', path: ['columns', field], message: `A ${mapping.kind} report has no field ${field}.` })
      }
    }
  })
export type Mapping = z.output<typeof mappingSchema>

/** One problem in a report file, by line; `code` is stable (the screen translates it), `message` English for logs. */
export interface ReportError {
  /** 1-based row in the file as Excel shows it; the header's row for a problem with a column. */
  line: number
  field: FieldName | null
  /** The file's header text of the column, when the problem is in one. */
  column: string | null
  code: string
  /** The cell as read (card numbers already removed), cut to 100 characters. */
  value: string | null
  message: string
}

/** Collects a report's errors up to a limit: past it, one 'more_errors' entry says how many more. */
export class ReportProblems {
  readonly list: ReportError[] = []
  private dropped = 0
  constructor(private readonly limit = 500) {}

  add(line: number, field: FieldName | null, column: string | null, code: string, value: string | null, message: string): void {
    if (this.list.length < this.limit) this.list.push({ line, field, column, code, value: value === null ? null : value.slice(0, 100), message })
    else this.dropped++
  }

  get count(): number {
    return this.list.length + this.dropped
  }

  done(): ReportError[] {
    if (this.dropped === 0) return this.list
    const last = this.list[this.list.length - 1]
    return [...this.list, { line: last.line, field: null, column: null, code: 'more_errors', value: String(this.dropped), message: `${this.dropped} more problems are not listed. Fix the ones above and check the file again.` }]
  }
}
