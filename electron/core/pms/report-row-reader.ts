import type { FieldName, ReportProblems } from './report-fields'
import type { ReportRow } from './report-file'

/** Where each mapped field's column is in the file. */
export type ColumnIndex = Map<FieldName, { index: number; header: string }>

/** One row of a report, read field by field; problems are recorded against its line. */
export class RowReader {
  private failed = false

  constructor(
    private readonly row: ReportRow,
    private readonly columns: ColumnIndex,
    private readonly errors: ReportProblems,
    private readonly warnings: ReportProblems,
  ) {}

  get line(): number {
    return this.row.line
  }

  /** True once an error (not a warning) was recorded for this row. */
  get hasErrors(): boolean {
    return this.failed
  }

  /** The field's cell, trimmed; '' when empty, null when the field has no column. */
  cell(field: FieldName): string | null {
    const column = this.columns.get(field)
    return column ? (this.row.cells[column.index] ?? '').trim() : null
  }

  /**
   * An identifier's cell as the PMS wrote it, card-number removal undone: only for the
   * confirmation number, the booking's key (a 16-digit confirmation may pass the Luhn check).
   */
  identifier(field: 'confirmation'): string | null {
    const column = this.columns.get(field)
    if (!column) return null
    return ((this.row.unredacted ?? this.row.cells)[column.index] ?? '').trim() || null
  }

  /** The field's cell, or null when it has no column or is empty. */
  text(field: FieldName): string | null {
    return this.cell(field) || null
  }

  error(field: FieldName, code: string, message: string, value = this.cell(field)): void {
    this.failed = true
    this.errors.add(this.row.line, field, this.columns.get(field)?.header ?? null, code, value, `Line ${this.row.line}: ${message}`)
  }

  warn(field: FieldName, code: string, message: string): void {
    this.warnings.add(this.row.line, field, this.columns.get(field)?.header ?? null, code, this.cell(field), `Line ${this.row.line}: ${message}`)
  }

  /** The field's text if at most `max` characters, else an error 'too_long' and null. */
  limited(field: FieldName, max: number): string | null {
    const value = this.text(field)
    if (value !== null && [...value].length > max) {
      this.error(field, 'too_long', `${field} is longer than ${max} characters.`)
      return null
    }
    return value
  }
}
