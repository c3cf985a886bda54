/*
 * Satisfaction survey files, pure: a CSV's text to the records it asks for, and every bad row
 * named (row number as a spreadsheet shows it, the header being row 1; the column; what to fix).
 * No store: finding each row's stay is satisfaction-import.repository.ts's, deciding what is new is
 * the operation's.
 *
 * Columns (header in English or Chinese, any order, case and spacing aside; other columns ignored):
 * - confirmation 确认号: the stay's confirmation number (Zhike's or the PMS's), OR
 * - stay 入住编号: Zhike's stay id; one of the two on every row (both: they must agree);
 * - score 评分: a whole number from 1 to 5 (0, 6, 3.5 or "good" are refused);
 * - comment 评语: optional, at most 1000 characters;
 * - date 日期: optional, the date the guest answered, YYYY-MM-DD, not after today.
 * A byte-order mark, CRLF line ends, and comma, semicolon or tab separators are all read.
 */
import { parse } from 'csv-parse/sync'
import { cleanCell, sniffDelimiter } from '../pms/report-file'

/** The largest file accepted, in bytes (UTF-8). */
export const maxSatisfactionFileBytes = 2 * 1024 * 1024
/** The most data rows one file may hold. */
export const maxSatisfactionRows = 20_000
export const maxCommentChars = 1000

export type SatisfactionColumn = 'confirmation' | 'stay' | 'score' | 'comment' | 'date'

/** Header words each column answers to (compared lower-cased, spaces, underscores and dashes removed). */
export const satisfactionHeaders: Record<SatisfactionColumn, readonly string[]> = {
  confirmation: ['confirmation', 'confirmationno', 'confirmationnumber', 'confno', '确认号', '确认编号', '预订号'],
  stay: ['stay', 'stayid', 'stayno', '入住编号'],
  score: ['score', 'rating', '评分', '分数'],
  comment: ['comment', 'comments', '评语', '意见'],
  date: ['date', 'answeredon', '日期'],
}

export interface SatisfactionIssue {
  /** 'row N: column', or 'file' for the file as a whole. */
  path: string
  /** What to fix, in English (the screen translates `problem` with `params`). */
  message: string
  /** The row (the header is row 1); null for the file as a whole. */
  row: number | null
  column: SatisfactionColumn | null
  /** A stable name of the problem: the screen's message key (satisfactionImport.problem.<problem>). */
  problem: string
  /** The values the message names (the cell as written, a limit, a date). */
  params: Record<string, string | number>
}

/** One problem of a file, row and column named. */
export function issue(row: number | null, column: SatisfactionColumn | null, problem: string, message: string, params: Record<string, string | number> = {}): SatisfactionIssue {
  return { path: row === null ? 'file' : `row ${row}: ${column}`, message, row, column, problem, params }
}

export interface SatisfactionFileRow {
  /** The row as a spreadsheet numbers it (the header is row 1). */
  row: number
  confirmation: string | null
  stayId: number | null
  score: number
  comment: string | null
  date: string | null
}

const fold = (header: string) => header.replace(/^\ufeff/, '').trim().toLowerCase().replace(/[\s_\-.#]+/g, '')

/** Which column each header is (null: a column Zhike does not read). */
export function columnOf(header: string): SatisfactionColumn | null {
  const key = fold(header)
  for (const [column, words] of Object.entries(satisfactionHeaders) as [SatisfactionColumn, readonly string[]][]) {
    if (words.includes(key)) return column
  }
  return null
}

const isRealDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d

export const rowPath = (row: number, column: SatisfactionColumn) => `row ${row}: ${column}`

/**
 * Reads a satisfaction CSV. `today`: the hotel's business date (an answer date after it is
 * refused). Answers the rows read and every problem; the caller saves nothing unless `issues` is
 * empty.
 */
export function readSatisfactionCsv(text: string, today: string): { rows: SatisfactionFileRow[]; issues: SatisfactionIssue[] } {
  const issues: SatisfactionIssue[] = []
  const body = text.replace(/^\ufeff/, '')
  if (body.trim() === '') return { rows: [], issues: [issue(null, null, 'empty', 'The file is empty. Save the survey again as CSV with a header row: confirmation, score, comment, date.')] }
  let records: string[][]
  try {
    records = parse(body, { delimiter: sniffDelimiter(body), bom: true, relax_column_count: true, skip_empty_lines: false, to: maxSatisfactionRows + 2 }) as string[][]
  } catch (error) {
    const line = (error as { lines?: number }).lines
    return { rows: [], issues: [issue(null, null, 'unreadable', `The file is not a readable CSV${line ? ` (near line ${line})` : ''}: a quoted cell may be left open. Save it again as CSV.`, { line: line ?? '?' })] }
  }
  const [header = [], ...data] = records
  const columns = new Map<SatisfactionColumn, number>()
  header.forEach((h, index) => {
    const column = columnOf(h)
    if (!column) return
    if (columns.has(column)) issues.push(issue(1, column, 'duplicateColumn', `The column "${column}" appears twice in the header; keep one.`, { value: h }))
    else columns.set(column, index)
  })
  if (!columns.has('score')) issues.push(issue(1, 'score', 'noScoreColumn', 'The header has no "score" (评分) column; add one with a score from 1 to 5 on every row.'))
  if (!columns.has('confirmation') && !columns.has('stay')) {
    issues.push(issue(1, 'confirmation', 'noStayColumn', 'The header has no "confirmation" (确认号) or "stay" (入住编号) column; add the stay\'s confirmation number on every row.'))
  }
  if (issues.length > 0) return { rows: [], issues }
  if (data.length > maxSatisfactionRows) {
    return { rows: [], issues: [issue(null, null, 'tooManyRows', `A file may hold at most ${maxSatisfactionRows} rows; split it into smaller files.`, { max: maxSatisfactionRows })] }
  }
  const rows: SatisfactionFileRow[] = []
  data.forEach((cells, index) => {
    const row = index + 2
    if (cells.every((c) => c.trim() === '')) return
    const cell = (column: SatisfactionColumn) => {
      const at = columns.get(column)
      return at === undefined ? '' : cleanCell(cells[at] ?? '')
    }
    const before = issues.length
    const confirmation = cell('confirmation')
    const stayText = cell('stay')
    let stayId: number | null = null
    if (stayText !== '') {
      if (/^[1-9]\d{0,9}$/.test(stayText)) stayId = Number(stayText)
      else issues.push(issue(row, 'stay', 'badStayNumber', `"${stayText}" is not a stay number; give Zhike's stay number (digits only), or leave it empty and give the confirmation number.`, { value: stayText }))
    } else if (confirmation === '') {
      issues.push(issue(row, columns.has('confirmation') ? 'confirmation' : 'stay', 'noStay', 'The row names no stay; give the stay\'s confirmation number.'))
    }
    if (confirmation.length > 64) issues.push(issue(row, 'confirmation', 'confirmationTooLong', 'A confirmation number is at most 64 characters; check the cell.', { max: 64 }))
    const scoreText = cell('score')
    let score = 0
    if (scoreText === '') issues.push(issue(row, 'score', 'scoreEmpty', 'The score is empty; give a whole number from 1 to 5.'))
    else if (!/^[1-5]$/.test(scoreText)) issues.push(issue(row, 'score', 'badScore', `"${scoreText}" is not a score; give a whole number from 1 to 5.`, { value: scoreText }))
    else score = Number(scoreText)
    const comment = cell('comment')
    if ([...comment].length > maxCommentChars) issues.push(issue(row, 'comment', 'commentTooLong', `The comment is ${[...comment].length} characters; shorten it to at most ${maxCommentChars}.`, { length: [...comment].length, max: maxCommentChars }))
    const date = cell('date')
    if (date !== '' && !isRealDate(date)) issues.push(issue(row, 'date', 'badDate', `"${date}" is not a date; write it as YYYY-MM-DD, such as 2026-11-30, or leave it empty.`, { value: date }))
    else if (date !== '' && date > today) issues.push(issue(row, 'date', 'futureDate', `${date} is after today (${today}); an answer cannot come from the future.`, { value: date, today }))
    if (issues.length > before) return
    rows.push({ row, confirmation: confirmation || null, stayId, score, comment: comment || null, date: date || null })
  })
  if (rows.length === 0 && issues.length === 0) issues.push(issue(null, null, 'noRows', 'The file has a header but no rows; add one row per answer.'))
  return { rows, issues }
}

/** The key that makes a record the same record: stay, score, comment and date (a file imported twice adds nothing twice). */
export function recordKey(r: { stayId: number; score: number; comment: string | null; date: string | null }): string {
  return JSON.stringify([r.stayId, r.score, r.comment ?? null, r.date ?? null])
}
