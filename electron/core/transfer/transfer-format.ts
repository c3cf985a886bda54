import { createHash, type Hash } from 'node:crypto'
import { scopes, strengths } from '../guests/preference'
import { stayStatuses } from '../pms/report-values'
import { priorities, polarities, ruleKinds, triggers } from '../prompts/prompt-generation'
import { escalationNotifies } from '../promises/escalation-steps'
import { blockKinds, facings, housekeepingStatuses } from '../rooms/room'
import { roles } from '../staff/roles'

/**
 * The full export's file format (issue 11, guest files 5): JSON Lines, UTF-8, one JSON value a
 * line, so both ends stream (a 200,000-guest hotel is never one string).
 *
 *   line 1        header   {"format":"zhike-export","formatVersion":1,"schema":[migration names],
 *                           "exportedAt":ISO,"tables":[{"name":"guest","rows":200000},…],"sequences":{…}}
 *   per table     section  {"table":"guest","columns":["id","native_name",…],"rows":200000}
 *                 rows     [1,"何家俊",…]   one JSON array a line, values in the section's column order
 *   last line     trailer  {"checksum":"sha256:<64 hex>","rows":N}   N: rows of every table together
 *
 * The checksum is the SHA-256 of every byte before the trailer line (header, sections and rows,
 * each with its "\n"). A reader hashes lines as it reads them and compares at the trailer, so
 * the file is verified in one pass without being held in memory; a file without its trailer is
 * incomplete (truncated). The trailer's own `rows` is outside the checksum, so the reader
 * compares it with the rows it read (and each section's `rows` with the header's count for that
 * table). Values are SQLite's: integers, floats, text, null (booleans 0|1).
 *
 * No line is longer than `maxLineBytes` (16 MiB): the longest real row is far shorter (a logo
 * setting is about 350 KB, a PMS import's stored report a few hundred KB, a guest's notes a few
 * KB), so a longer line is refused as soon as it passes the limit, without reading the rest.
 */
export const transferFormat = 'zhike-export'
export const transferFormatVersion = 1

/** The longest line a transfer file may have, in bytes (without its "\n"): 16 MiB. */
export const maxLineBytes = 16 * 1024 * 1024

/**
 * Splits bytes into lines ("\n"; a "\r" before it is kept, so a CRLF-converted file fails its
 * checksum, as it should). An unfinished line is kept as a list of pieces, joined once when its
 * end arrives (linear in the line's length, whatever the chunk size). A line longer than
 * `maxBytes` stops the splitter: `onTooLong(lineNumber)` is called once, nothing more is read
 * (`push` answers false: the caller stops reading the file).
 */
export class LineSplitter {
  private pieces: Buffer[] = []
  private pendingBytes = 0
  private lines = 0
  private stopped = false
  private readonly decoder = new TextDecoder('utf-8')

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly onTooLong: (line: number) => void,
    private readonly maxBytes = maxLineBytes,
  ) {}

  /** Feeds the next bytes (the splitter copies what it keeps: the caller may reuse `chunk`). False once stopped. */
  push(chunk: Buffer): boolean {
    if (this.stopped) return false
    let start = 0
    for (let i = chunk.indexOf(10, start); i >= 0; i = chunk.indexOf(10, start)) {
      if (this.pendingBytes + (i - start) > this.maxBytes) return this.tooLong()
      const tail = chunk.subarray(start, i)
      const bytes = this.pieces.length > 0 ? Buffer.concat([...this.pieces, tail]) : tail
      this.pieces = []
      this.pendingBytes = 0
      this.lines += 1
      this.onLine(this.decoder.decode(bytes))
      start = i + 1
    }
    if (start < chunk.length) {
      if (this.pendingBytes + (chunk.length - start) > this.maxBytes) return this.tooLong()
      this.pieces.push(Buffer.from(chunk.subarray(start)))
      this.pendingBytes += chunk.length - start
    }
    return true
  }

  /** The last line, if the file does not end with "\n". */
  end(): void {
    if (this.stopped) return
    if (this.pieces.length > 0) {
      this.lines += 1
      this.onLine(this.decoder.decode(Buffer.concat(this.pieces)))
    }
    this.pieces = []
    this.pendingBytes = 0
  }

  private tooLong(): false {
    this.stopped = true
    this.pieces = []
    this.pendingBytes = 0
    this.onTooLong(this.lines + 1)
    return false
  }
}

export interface TransferHeader {
  format: typeof transferFormat
  formatVersion: number
  /** The exporting store's migrations, oldest first (its schema version). */
  schema: string[]
  exportedAt: string
  tables: { name: string; rows: number }[]
  /** AUTOINCREMENT counters (sqlite_sequence) of the exported tables, so new ids continue after them. */
  sequences: Record<string, number>
}

export interface TransferSection {
  table: string
  columns: string[]
  rows: number
}

/** One line of the file, as text (with its "\n"). */
export function headerLine(header: TransferHeader): string {
  return `${JSON.stringify(header)}\n`
}
export function sectionLine(section: TransferSection): string {
  return `${JSON.stringify(section)}\n`
}
export function rowLine(values: readonly unknown[]): string {
  return `${JSON.stringify(values)}\n`
}
export function trailerLine(checksum: string, rows: number): string {
  return `${JSON.stringify({ checksum: `sha256:${checksum}`, rows })}\n`
}

/** A column of the receiving store, as its schema says. */
export interface ColumnSpec {
  name: string
  /** SQLite's declared type, lower case: 'integer', 'text', 'real', '' (any). */
  type: string
  notNull: boolean
  hasDefault: boolean
  /** Part of the primary key (1-based position), 0 if not. */
  pk: number
}

/** A declared foreign key: this column refers to `table`.`column`. */
export interface ReferenceSpec {
  column: string
  table: string
  toColumn: string
}

export interface TableSpec {
  name: string
  columns: ColumnSpec[]
  references: ReferenceSpec[]
}

/** What the receiving store knows: its migrations and the tables a file may carry. */
export interface StoreSpec {
  migrations: readonly string[]
  /** In file order (the order `exportedTables` gives). */
  tables: TableSpec[]
  /** Columns the file never carries (secrets, derived): a file that has them is refused. */
  omitted: Record<string, readonly string[]>
}

/** Something wrong with the file as a whole. */
export type FileProblemCode =
  | 'empty'
  | 'not_export'
  | 'format_version'
  | 'newer_schema'
  | 'unknown_table'
  | 'duplicate_table'
  | 'table_order'
  | 'unknown_column'
  | 'missing_column'
  | 'row_count'
  | 'truncated'
  | 'checksum'
  | 'after_trailer'
  | 'bad_line'
  | 'missing_table'
  | 'no_admin'
  | 'line_too_long'
  | 'total_rows'

export interface FileProblem {
  code: FileProblemCode
  message: string
  table?: string
  line?: number
}

/** What is wrong with one row. */
export type RowProblemCode = 'not_json' | 'width' | 'type' | 'required' | 'dangling' | 'duplicate' | 'invalid'

export interface RowIssue {
  table: string
  /** 1-based position of the row within its table. */
  row: number
  /** 1-based line of the file. */
  line: number
  /** The column, or '' when the whole row is wrong. */
  field: string
  code: RowProblemCode
  message: string
}

/** The check's answer: nothing is imported unless `ok`. */
export interface TransferReport {
  ok: boolean
  problems: FileProblem[]
  /** The first `maxListedRows` row issues. */
  rows: RowIssue[]
  /** Every row issue, listed or not. */
  rowIssueCount: number
  tables: { name: string; rows: number }[]
  guests: number
  exportedAt: string | null
  schema: string[]
}

/** Row issues listed in a report (the count says how many in all). */
export const maxListedRows = 200

/** A row as it goes into the store: column name → value. */
export type TransferRow = Record<string, unknown>

export type ReaderEvent =
  | { kind: 'header'; header: TransferHeader }
  | { kind: 'section'; section: TransferSection; spec: TableSpec }
  | { kind: 'row'; table: string; spec: TableSpec; columns: string[]; values: unknown[]; row: number }
  | { kind: 'trailer' }
  | { kind: 'none' }

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)'
  if (typeof value === 'string') return `text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
  if (typeof value === 'number') return `the number ${value}`
  if (Array.isArray(value)) return 'a list'
  return `a ${typeof value}`
}

/** Why `value` cannot go into `column`, or null if it can. */
export function valueProblem(column: ColumnSpec, value: unknown): { code: 'type' | 'required'; message: string } | null {
  if (value === null || value === undefined) {
    if (column.notNull && !column.hasDefault) return { code: 'required', message: `${column.name} is required but is empty.` }
    if (column.notNull) return { code: 'required', message: `${column.name} may not be null.` }
    return null
  }
  switch (column.type) {
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? null : { code: 'type', message: `${column.name} must be a whole number, not ${describe(value)}.` }
    case 'real':
    case 'numeric':
      return typeof value === 'number' && Number.isFinite(value) ? null : { code: 'type', message: `${column.name} must be a number, not ${describe(value)}.` }
    case 'text':
      return typeof value === 'string' ? null : { code: 'type', message: `${column.name} must be text, not ${describe(value)}.` }
    default:
      return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? null : { code: 'type', message: `${column.name} must be text or a number, not ${describe(value)}.` }
  }
}

/** A check of a column's values beyond their SQLite type: null when the value is fine, else what is wrong ("must be …"). */
export type ValueRule = (value: unknown) => string | null

function oneOf(values: readonly (string | number)[]): ValueRule {
  return (value) => (values.includes(value as string | number) ? null : `must be one of ${values.join(', ')}, not ${describe(value)}`)
}
function between(min: number, max: number): ValueRule {
  return (value) => (typeof value === 'number' && value >= min && value <= max ? null : `must be from ${min} to ${max}, not ${describe(value)}`)
}
function atLeast(min: number): ValueRule {
  return (value) => (typeof value === 'number' && value >= min ? null : `must be ${min} or more, not ${describe(value)}`)
}
const yesNo = oneOf([0, 1])

/** True for a date that exists, written YYYY-MM-DD (2026-02-30 does not). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
}
const calendarDate: ValueRule = (value) => (typeof value === 'string' && isCalendarDate(value) ? null : `must be a real date like 2026-11-23, not ${describe(value)}`)
/** An instant as the store writes it (ISO 8601, `toISOString()`); SQLite's "YYYY-MM-DD HH:MM:SS" is taken too. */
const instant: ValueRule = (value) => {
  const parts = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value) : null
  return parts && isCalendarDate(parts[1]) ? null : `must be a real date and time like 2026-11-23T08:30:00.000Z, not ${describe(value)}`
}
const positiveId: ValueRule = (value) => (typeof value === 'number' && value >= 1 ? null : `must be an id (1 or more), not ${describe(value)}`)

/**
 * What a column takes beyond its type, by table and column: the vocabularies and ranges the
 * operations enforce when these rows are written (a file could hold anything). Besides these,
 * every id column (`id`, `…_id`, or a declared reference) must be 1 or more, every `…_date`
 * a real YYYY-MM-DD date and every `…_at` / `at` a real date and time (`columnRule`).
 */
export const columnRules: Readonly<Record<string, Readonly<Record<string, ValueRule>>>> = {
  department: { active: yesNo, promise_minutes: atLeast(0) },
  staff: { role: oneOf(roles), active: yesNo },
  room: {
    facing: oneOf(facings),
    housekeeping: oneOf(housekeepingStatuses),
    block: oneOf(blockKinds),
    block_from: calendarDate,
    block_until: calendarDate,
    out_of_order: yesNo,
  },
  rule: { trigger: oneOf(triggers), priority: oneOf(priorities), polarity: oneOf(polarities), kind: oneOf(ruleKinds), due_minutes: atLeast(0), active: yesNo, builtin: yesNo },
  escalation_step: { notify: oneOf(escalationNotifies) },
  guest: { vip: between(0, 3), restricted: yesNo, consent_marketing: yesNo, consent_sensitive: yesNo },
  stay: { status: oneOf(stayStatuses), party_size: atLeast(1) },
  preference: { strength: oneOf(strengths), scope: oneOf(scopes), active: yesNo },
  observation: { suggested_strength: oneOf(strengths), suggested_scope: oneOf(scopes), status: oneOf(['new', 'accepted', 'merged', 'rejected']) },
  prompt: { trigger: oneOf(triggers), priority: oneOf(priorities), kind: oneOf(ruleKinds) },
  guest_change: { undone: yesNo },
  guest_consent: { kind: oneOf(['marketing', 'sensitive']), given: yesNo },
}

/** The rule for a column of a table (see `columnRules`), or null when its type is all there is to check. */
export function columnRule(table: TableSpec, column: ColumnSpec): ValueRule | null {
  const named = columnRules[table.name]?.[column.name]
  if (named) return named
  if (column.type === 'integer' && (column.name === 'id' || column.name.endsWith('_id') || table.references.some((r) => r.column === column.name))) return positiveId
  if (column.type === 'text' && column.name.endsWith('_date')) return calendarDate
  if (column.type === 'text' && (column.name === 'at' || column.name.endsWith('_at'))) return instant
  return null
}

/**
 * Reads a transfer file line by line (pure: no file, no store) and checks everything a file can
 * get wrong: the header and its schema version, table names and order, columns, each row's
 * width, types, required fields, duplicate keys and references (to rows of the file: an import
 * replaces the hotel's set-up, so a reference must be satisfied by the file itself), the row
 * counts, the trailer and the checksum. `line()` returns what the line was (rows only when they
 * are good), so an importer inserts as it reads; `report()` says whether the file is clean.
 */
export class TransferReader {
  private readonly hash: Hash = createHash('sha256')
  private lineNo = 0
  private header: TransferHeader | null = null
  private fatal = false
  private trailerSeen = false
  private afterTrailerReported = false
  private rowsTotal = 0
  private section: { spec: TableSpec; columns: string[]; expected: number; seen: number; indexes: number[]; rules: (ValueRule | null)[] } | null = null
  private readonly done = new Set<string>()
  private tableIndex = -1
  private readonly problems: FileProblem[] = []
  private readonly issues: RowIssue[] = []
  private issueCount = 0
  private guests = 0
  /** Key values seen, for tables something refers to (and for duplicate keys). */
  private readonly keys = new Map<string, Set<unknown>>()
  /** References to tables not yet complete (a guest merged into a later guest), checked at the end. */
  private readonly pending: { issue: Omit<RowIssue, 'message'>; table: string; column: string; value: unknown }[] = []
  private readonly referenced: Set<string>

  /**
   * `envelopeOnly`: check only what needs no store (header, schema version, table sections, row
   * counts, trailer, checksum), fast, before the store is touched; rows are counted, not read.
   */
  constructor(
    private readonly spec: StoreSpec,
    private readonly options: { envelopeOnly?: boolean } = {},
  ) {
    this.referenced = new Set(spec.tables.flatMap((t) => t.references.map((r) => `${r.table}.${r.toColumn}`)))
  }

  private problem(problem: FileProblem, fatal = false): void {
    if (this.problems.length < 50) this.problems.push(problem)
    if (fatal) this.fatal = true
  }

  private rowIssue(issue: RowIssue): void {
    this.issueCount += 1
    if (this.issues.length < maxListedRows) this.issues.push(issue)
  }

  /** Feeds one line (without its line break). */
  line(text: string): ReaderEvent {
    this.lineNo += 1
    if (this.trailerSeen) {
      if (text.trim() !== '' && !this.afterTrailerReported) {
        this.afterTrailerReported = true
        this.problem({ code: 'after_trailer', line: this.lineNo, message: `Line ${this.lineNo} comes after the checksum line: the file was changed or joined with another.` })
      }
      return { kind: 'none' }
    }
    if (this.fatal) return { kind: 'none' }
    // The trailer is the one line not hashed: it holds the hash of every line before it.
    if (this.lineNo > 1 && this.isTrailer(text)) return this.trailer(text)
    this.hash.update(text)
    this.hash.update('\n')
    if (this.lineNo === 1) return this.readHeader(text)
    if (this.section && this.section.seen < this.section.expected) return this.readRow(text)
    if (this.section) this.closeSection()
    return this.readSection(text)
  }

  private isTrailer(text: string): boolean {
    return text.startsWith('{"checksum"')
  }

  private readHeader(text: string): ReaderEvent {
    let value: unknown
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ''))
    } catch {
      value = null
    }
    if (!isRecord(value) || value.format !== transferFormat) {
      this.problem({ code: text.trim() === '' ? 'empty' : 'not_export', line: 1, message: text.trim() === '' ? 'The file is empty.' : 'This is not a Zhike export file (its first line is not an export header).' }, true)
      return { kind: 'none' }
    }
    if (typeof value.formatVersion !== 'number' || value.formatVersion > transferFormatVersion) {
      this.problem({ code: 'format_version', line: 1, message: `The file is in export format ${String(value.formatVersion)}; this Zhike reads format ${transferFormatVersion} and older. Update Zhike, then import it.` }, true)
      return { kind: 'none' }
    }
    const schema = Array.isArray(value.schema) ? value.schema.filter((s): s is string => typeof s === 'string') : []
    const unknown = schema.filter((name) => !this.spec.migrations.includes(name))
    if (unknown.length > 0) {
      this.problem(
        {
          code: 'newer_schema',
          line: 1,
          message: `The file was exported by a newer Zhike (its store has ${unknown.join(', ')}, which this Zhike does not know). Update Zhike, then import it.`,
        },
        true,
      )
      return { kind: 'none' }
    }
    const tables = Array.isArray(value.tables) ? value.tables.filter(isRecord).map((t) => ({ name: String(t.name), rows: Number(t.rows) || 0 })) : []
    const sequences = isRecord(value.sequences) ? Object.fromEntries(Object.entries(value.sequences).filter(([, v]) => Number.isSafeInteger(v))) as Record<string, number> : {}
    this.header = { format: transferFormat, formatVersion: value.formatVersion, schema, exportedAt: String(value.exportedAt ?? ''), tables, sequences }
    return { kind: 'header', header: this.header }
  }

  private readSection(text: string): ReaderEvent {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      value = null
    }
    if (!isRecord(value) || typeof value.table !== 'string' || !Array.isArray(value.columns) || !Number.isSafeInteger(value.rows) || (value.rows as number) < 0) {
      this.problem({ code: 'bad_line', line: this.lineNo, message: `Line ${this.lineNo} should start a table (or be the checksum line) but is not one: the file is damaged.` }, true)
      return { kind: 'none' }
    }
    const name = value.table
    if (this.options.envelopeOnly) {
      const columns = (value.columns as unknown[]).map(String)
      const spec: TableSpec = { name, columns: columns.map((c) => ({ name: c, type: '', notNull: false, hasDefault: true, pk: 0 })), references: [] }
      if (!this.headerCountAgrees(name, value.rows as number)) return { kind: 'none' }
      this.section = { spec, columns, expected: value.rows as number, seen: 0, indexes: columns.map((_, i) => i), rules: [] }
      return { kind: 'section', section: { table: name, columns, rows: value.rows as number }, spec }
    }
    const index = this.spec.tables.findIndex((t) => t.name === name)
    if (index < 0) {
      this.problem({ code: 'unknown_table', table: name, line: this.lineNo, message: `The file holds a table "${name}" that this Zhike does not know.` }, true)
      return { kind: 'none' }
    }
    if (this.done.has(name)) {
      this.problem({ code: 'duplicate_table', table: name, line: this.lineNo, message: `The table "${name}" appears twice in the file.` }, true)
      return { kind: 'none' }
    }
    if (index < this.tableIndex) {
      this.problem({ code: 'table_order', table: name, line: this.lineNo, message: `The table "${name}" comes after a table that refers to it.` }, true)
      return { kind: 'none' }
    }
    const spec = this.spec.tables[index]
    const columns = (value.columns as unknown[]).map(String)
    const omitted = this.spec.omitted[name] ?? []
    const strange = columns.filter((c) => !spec.columns.some((s) => s.name === c) || omitted.includes(c))
    if (strange.length > 0) {
      this.problem({ code: 'unknown_column', table: name, line: this.lineNo, message: `The table "${name}" has columns this Zhike does not take: ${strange.join(', ')}.` }, true)
      return { kind: 'none' }
    }
    const missing = spec.columns.filter((c) => c.notNull && !c.hasDefault && !columns.includes(c.name) && !omitted.includes(c.name))
    if (missing.length > 0) {
      this.problem({ code: 'missing_column', table: name, line: this.lineNo, message: `The table "${name}" lacks required columns: ${missing.map((c) => c.name).join(', ')}.` }, true)
      return { kind: 'none' }
    }
    if (!this.headerCountAgrees(name, value.rows as number)) return { kind: 'none' }
    this.tableIndex = index
    this.done.add(name)
    const indexes = columns.map((c) => spec.columns.findIndex((s) => s.name === c))
    const rules = indexes.map((i) => columnRule(spec, spec.columns[i]))
    this.section = { spec, columns, expected: value.rows as number, seen: 0, indexes, rules }
    // Key values are kept only where something refers to them (memory: a set per referenced key).
    for (const c of spec.columns) if (this.referenced.has(`${name}.${c.name}`)) this.keys.set(`${name}.${c.name}`, new Set())
    const section = { table: name, columns, rows: value.rows as number }
    return { kind: 'section', section, spec }
  }

  /** A section's row count must be the header's for that table (both are under the checksum, but a file may be re-signed). */
  private headerCountAgrees(table: string, rows: number): boolean {
    const listed = this.header?.tables.find((t) => t.name === table)
    if (!listed || listed.rows === rows) return true
    this.problem({ code: 'row_count', table, line: this.lineNo, message: `The table "${table}" should have ${listed.rows} rows (the file's first line says so) but its section says ${rows}: the file was changed or damaged. Export it again.` }, true)
    return false
  }

  private readRow(text: string): ReaderEvent {
    const section = this.section!
    section.seen += 1
    this.rowsTotal += 1
    if (this.options.envelopeOnly) {
      if (section.spec.name === 'guest') this.guests += 1
      return { kind: 'none' }
    }
    const { spec, columns } = section
    const table = spec.name
    const at = { table, row: section.seen, line: this.lineNo }
    let values: unknown
    try {
      values = JSON.parse(text)
    } catch {
      values = undefined
    }
    if (!Array.isArray(values)) {
      this.rowIssue({ ...at, field: '', code: 'not_json', message: `Row ${section.seen} of ${table} (line ${this.lineNo}) is not a list of values: the line is damaged.` })
      return { kind: 'none' }
    }
    if (values.length !== columns.length) {
      this.rowIssue({ ...at, field: '', code: 'width', message: `Row ${section.seen} of ${table} has ${values.length} values; the table has ${columns.length} columns.` })
      return { kind: 'none' }
    }
    let good = true
    const badColumns = new Set<string>()
    for (let i = 0; i < columns.length; i++) {
      const column = spec.columns[section.indexes[i]]
      const wrong = valueProblem(column, values[i])
      if (wrong) {
        good = false
        badColumns.add(column.name)
        this.rowIssue({ ...at, field: column.name, code: wrong.code, message: `Row ${section.seen} of ${table}: ${wrong.message}` })
        continue
      }
      const rule = section.rules[i]
      const outside = rule && values[i] !== null && values[i] !== undefined ? rule(values[i]) : null
      if (outside) {
        good = false
        badColumns.add(column.name)
        this.rowIssue({ ...at, field: column.name, code: 'invalid', message: `Row ${section.seen} of ${table}: ${column.name} ${outside}.` })
      }
    }
    const value = (name: string): unknown => {
      const i = columns.indexOf(name)
      return i < 0 ? undefined : values[i]
    }
    if (table === 'stay' && !badColumns.has('arrival_date') && !badColumns.has('departure_date')) {
      const arrival = value('arrival_date')
      const departure = value('departure_date')
      if (typeof arrival === 'string' && typeof departure === 'string' && departure < arrival) {
        good = false
        badColumns.add('departure_date')
        this.rowIssue({ ...at, field: 'departure_date', code: 'invalid', message: `Row ${section.seen} of ${table}: departure_date ${departure} is before arrival_date ${arrival}.` })
      }
    }
    // Duplicate keys of referenced tables (other duplicates are refused by the store's own keys, row by row).
    for (const c of spec.columns) {
      if (c.pk === 0 || badColumns.has(c.name)) continue
      const seen = this.keys.get(`${table}.${c.name}`)
      if (seen?.has(value(c.name))) {
        this.rowIssue({ ...at, field: c.name, code: 'duplicate', message: `Row ${section.seen} of ${table}: ${c.name} ${String(value(c.name))} appears twice.` })
        return { kind: 'none' }
      }
    }
    // The row's keys count even when another of its fields is wrong: one bad field is one issue, not one per row referring to it.
    for (const c of spec.columns) {
      const set = this.keys.get(`${table}.${c.name}`)
      if (set && !badColumns.has(c.name)) set.add(value(c.name))
    }
    for (const ref of spec.references) {
      if (badColumns.has(ref.column)) continue
      const target = value(ref.column)
      if (target === null || target === undefined) continue
      const known = this.keys.get(`${ref.table}.${ref.toColumn}`)
      if (this.done.has(ref.table) && ref.table !== table) {
        if (!known?.has(target)) {
          good = false
          this.rowIssue({ ...at, field: ref.column, code: 'dangling', message: `Row ${section.seen} of ${table}: ${ref.column} refers to ${ref.table} ${String(target)}, which the file does not hold.` })
        }
      } else if (ref.table === table || this.spec.tables.some((t) => t.name === ref.table)) {
        this.pending.push({ issue: { ...at, field: ref.column, code: 'dangling' }, table: ref.table, column: ref.toColumn, value: target })
      }
    }
    if (!good) return { kind: 'none' }
    if (table === 'guest') this.guests += 1
    return { kind: 'row', table, spec, columns, values, row: section.seen }
  }

  private closeSection(): void {
    const section = this.section
    if (!section) return
    this.section = null
    if (section.seen !== section.expected) {
      this.problem({ code: 'row_count', table: section.spec.name, message: `The table "${section.spec.name}" should have ${section.expected} rows but has ${section.seen}.` }, true)
    }
  }

  private trailer(text: string): ReaderEvent {
    if (this.section) this.closeSectionAtTrailer()
    this.section = null
    this.trailerSeen = true
    return this.checkTrailer(text)
  }

  private closeSectionAtTrailer(): void {
    if (this.section && this.section.seen < this.section.expected) {
      this.problem({ code: 'row_count', table: this.section.spec.name, line: this.lineNo, message: `The table "${this.section.spec.name}" should have ${this.section.expected} rows but the checksum line comes after ${this.section.seen}.` }, true)
    }
  }

  private checkTrailer(text: string): ReaderEvent {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      value = null
    }
    const expected = `sha256:${this.hash.digest('hex')}`
    if (!isRecord(value) || value.checksum !== expected) {
      this.problem({ code: 'checksum', line: this.lineNo, message: 'The checksum does not match the contents: the file was changed or damaged after it was exported. Export it again.' }, true)
    }
    // The trailer's row count is not under the checksum (it follows the hashed bytes): compared here.
    const stated = isRecord(value) ? value.rows : undefined
    if (stated !== this.rowsTotal) {
      const said = typeof stated === 'number' ? `says ${stated.toLocaleString('en')} rows` : 'does not say how many rows it holds'
      this.problem(
        {
          code: 'total_rows',
          line: this.lineNo,
          message: `The file's last line ${said}; it holds ${this.rowsTotal.toLocaleString('en')}. The file was changed or damaged: export it again.`,
        },
        true,
      )
    }
    return { kind: 'trailer' }
  }

  /**
   * The splitter met a line longer than `maxLineBytes` and stopped reading: the file is refused
   * (what came before it is not worth checking further, and nothing after it was read).
   */
  lineTooLong(line: number, maxBytes = maxLineBytes): void {
    this.problem(
      {
        code: 'line_too_long',
        line,
        message: `Line ${line} is longer than ${maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / (1024 * 1024))} MB` : `${maxBytes} bytes`}: this is not a Zhike export, or it was damaged.`,
      },
      true,
    )
    this.lineNo = Math.max(this.lineNo, line)
  }

  /** Call after the last line: finishes the checks and answers the report. */
  report(): TransferReport {
    if (!this.fatal && !this.trailerSeen) {
      this.problem(
        this.lineNo === 0
          ? { code: 'empty', message: 'The file is empty.' }
          : { code: 'truncated', message: `The file ends at line ${this.lineNo} before its checksum line: it is incomplete (cut off while copying or exporting). Export it again.` },
        true,
      )
    }
    if (!this.fatal && !this.options.envelopeOnly) {
      for (const t of this.spec.tables) {
        if (!this.done.has(t.name) && (this.header?.tables.some((h) => h.name === t.name) ?? false)) {
          this.problem({ code: 'missing_table', table: t.name, message: `The header lists the table "${t.name}" but the file does not hold it.` }, true)
        }
      }
      for (const p of this.pending) {
        if (!this.keys.get(`${p.table}.${p.column}`)?.has(p.value)) {
          this.rowIssue({ ...p.issue, message: `Row ${p.issue.row} of ${p.issue.table}: ${p.issue.field} refers to ${p.table} ${String(p.value)}, which the file does not hold.` })
        }
      }
      this.pending.length = 0
    }
    return {
      ok: this.problems.length === 0 && this.issueCount === 0,
      problems: [...this.problems],
      rows: [...this.issues],
      rowIssueCount: this.issueCount,
      tables: this.header?.tables ?? [],
      guests: this.guests,
      exportedAt: this.header?.exportedAt ?? null,
      schema: this.header?.schema ?? [],
    }
  }

  /** The store refused a row the checks let through (a unique key the file repeats): listed like any bad row. */
  storeRefused(issue: RowIssue): void {
    this.rowIssue(issue)
  }

  /** The header, once read. */
  get fileHeader(): TransferHeader | null {
    return this.header
  }

  /** Rows read so far (good or not). */
  get rowsRead(): number {
    return this.rowsTotal
  }
}
