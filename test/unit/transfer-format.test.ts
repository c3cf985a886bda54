import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import {
  headerLine,
  maxListedRows,
  rowLine,
  sectionLine,
  trailerLine,
  TransferReader,
  valueProblem,
  type StoreSpec,
} from '../../electron/core/transfer/transfer-format'

const spec: StoreSpec = {
  migrations: ['0001-a', '0002-b'],
  omitted: { guest: ['search_key'] },
  tables: [
    {
      name: 'guest',
      columns: [
        { name: 'id', type: 'integer', notNull: false, hasDefault: false, pk: 1 },
        { name: 'native_name', type: 'text', notNull: true, hasDefault: false, pk: 0 },
        { name: 'vip', type: 'integer', notNull: true, hasDefault: true, pk: 0 },
        { name: 'merged_into', type: 'integer', notNull: false, hasDefault: false, pk: 0 },
        { name: 'search_key', type: 'text', notNull: true, hasDefault: true, pk: 0 },
      ],
      references: [{ column: 'merged_into', table: 'guest', toColumn: 'id' }],
    },
    {
      name: 'stay',
      columns: [
        { name: 'id', type: 'integer', notNull: false, hasDefault: false, pk: 1 },
        { name: 'guest_id', type: 'integer', notNull: true, hasDefault: false, pk: 0 },
      ],
      references: [{ column: 'guest_id', table: 'guest', toColumn: 'id' }],
    },
  ],
}

/** A signed file from sections of rows (the checksum covers every line before the trailer). */
function file(sections: { table: string; columns: string[]; rows: unknown[][] }[], schema = ['0001-a']): string {
  let body = headerLine({ format: 'zhike-export', formatVersion: 1, schema, exportedAt: '2026-12-01T00:00:00Z', tables: sections.map((s) => ({ name: s.table, rows: s.rows.length })), sequences: {} })
  for (const s of sections) {
    body += sectionLine({ table: s.table, columns: s.columns, rows: s.rows.length })
    for (const r of s.rows) body += rowLine(r)
  }
  return body + trailerLine(createHash('sha256').update(body).digest('hex'), sections.reduce((sum, s) => sum + s.rows.length, 0))
}

function read(text: string, envelopeOnly = false) {
  const reader = new TransferReader(spec, { envelopeOnly })
  const rows: unknown[][] = []
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  for (const line of lines) {
    const event = reader.line(line)
    if (event.kind === 'row') rows.push(event.values)
  }
  return { report: reader.report(), rows }
}

const guests = { table: 'guest', columns: ['id', 'native_name', 'vip', 'merged_into'], rows: [[1, '何家俊', 1, 2], [2, '吕思远', 0, null]] as unknown[][] }
const stays = { table: 'stay', columns: ['id', 'guest_id'], rows: [[10, 2]] as unknown[][] }

describe('the transfer file format', () => {
  test('a clean file reads back every row; a guest merged into a later guest is fine', () => {
    const { report, rows } = read(file([guests, stays]))
    expect(report).toMatchObject({ ok: true, guests: 2, rowIssueCount: 0, problems: [] })
    expect(rows).toEqual([...guests.rows, ...stays.rows])
  })

  test('line breaks changed to CRLF fail the checksum', () => {
    const { report } = read(file([guests]).replaceAll('\n', '\r\n'))
    expect(report.problems.map((p) => p.code)).toContain('checksum')
  })

  test('a file cut anywhere before its trailer is incomplete, never accepted', () => {
    const text = file([guests, stays])
    for (const cut of [10, text.indexOf('{"table":"stay"'), text.length - 5]) {
      const { report } = read(text.slice(0, cut))
      expect(report.ok, `cut at ${cut}`).toBe(false)
      expect(report.problems.map((p) => p.code).some((c) => c === 'truncated' || c === 'row_count' || c === 'checksum' || c === 'not_export')).toBe(true)
    }
  })

  test('a newer schema, a newer format and a stranger file are refused on the first line', () => {
    expect(read(file([guests], ['0001-a', '0003-c'])).report.problems.map((p) => p.code)).toEqual(['newer_schema'])
    expect(read(file([guests]).replace('"formatVersion":1', '"formatVersion":2'), true).report.problems[0].code).toBe('format_version')
    expect(read('name,phone\nWang,123\n').report.problems[0].code).toBe('not_export')
    expect(read('').report.problems[0].code).toBe('empty')
  })

  test('an omitted (secret or derived) column, an unknown column or a missing required column is refused', () => {
    expect(read(file([{ ...guests, columns: [...guests.columns, 'search_key'], rows: guests.rows.map((r) => [...r, 'x']) }])).report.problems[0].code).toBe('unknown_column')
    expect(read(file([{ ...guests, columns: ['id', 'vip', 'merged_into'], rows: guests.rows.map((r) => [r[0], r[2], r[3]]) }])).report.problems[0].code).toBe('missing_column')
  })

  test('row issues name table, row, field and problem; a bad field does not make every reference to its row dangle', () => {
    const { report } = read(
      file([
        { ...guests, rows: [[1, null, 'gold', null], [2, 'x', 0, 7]] },
        { ...stays, rows: [[10, 1], [11, 3], [12, 'two']] },
      ]),
    )
    expect(report.rows.map((r) => [r.table, r.row, r.field, r.code])).toEqual([
      ['guest', 1, 'native_name', 'required'],
      ['guest', 1, 'vip', 'type'],
      ['stay', 2, 'guest_id', 'dangling'],
      ['stay', 3, 'guest_id', 'type'],
      ['guest', 2, 'merged_into', 'dangling'],
    ])
  })

  test('duplicate keys and rows of the wrong width are listed', () => {
    const { report } = read(file([{ ...guests, rows: [[1, 'a', 0, null], [1, 'b', 0, null], [3, 'c']] }]))
    expect(report.rows.map((r) => r.code)).toEqual(['duplicate', 'width'])
  })

  test(`at most ${maxListedRows} row issues are listed, all are counted`, () => {
    const rows = Array.from({ length: 250 }, (_, i) => [i + 1, 'n', 'not a number', null])
    const { report } = read(file([{ ...guests, rows }]))
    expect(report.rows).toHaveLength(maxListedRows)
    expect(report.rowIssueCount).toBe(250)
  })

  test('values are checked against the column type', () => {
    const int = { name: 'n', type: 'integer', notNull: false, hasDefault: false, pk: 0 }
    expect(valueProblem(int, 3)).toBeNull()
    expect(valueProblem(int, 3.5)?.code).toBe('type')
    expect(valueProblem(int, '3')?.code).toBe('type')
    expect(valueProblem({ ...int, type: 'text' }, 3)?.code).toBe('type')
    expect(valueProblem({ ...int, notNull: true }, null)?.code).toBe('required')
  })
})
