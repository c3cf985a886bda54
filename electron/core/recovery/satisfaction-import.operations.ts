import { createHash } from 'node:crypto'
import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { AppError } from '../errors'
import { today } from '../hotel-clock'
import { operation } from '../operation'
import { issue, maxSatisfactionFileBytes, readSatisfactionCsv, recordKey, type SatisfactionFileRow, type SatisfactionIssue } from './satisfaction-import'
import { importedSatisfaction, insertImportedSatisfaction, staysByConfirmation, staysById, type StayForSatisfaction } from './satisfaction-import.repository'

/** Why a stay cannot hold a satisfaction record; null when it can. */
function stayRefusal(stay: StayForSatisfaction): { problem: string; message: string } | null {
  if (stay.guestErased) return { problem: 'guestErased', message: 'The guest of this stay was erased; their answers are no longer kept. Remove the row.' }
  if (stay.status === 'cancelled' || stay.status === 'no_show' || stay.withdrawn) {
    return { problem: 'stayNotHeld', message: 'This stay was cancelled, a no-show or withdrawn: the guest never stayed. Check the number or remove the row.' }
  }
  if (stay.status === 'reserved') return { problem: 'stayNotBegun', message: 'This stay has not begun yet; a guest answers a survey after staying. Check the number.' }
  return null
}

/** Each file row's stay, or an issue naming the row and column. */
function findStays(rows: readonly SatisfactionFileRow[], byConfirmation: Map<string, StayForSatisfaction[]>, byId: Map<number, StayForSatisfaction>, issues: SatisfactionIssue[]): Map<number, StayForSatisfaction> {
  const found = new Map<number, StayForSatisfaction>()
  for (const r of rows) {
    let stay: StayForSatisfaction | undefined
    let column: 'confirmation' | 'stay' = 'confirmation'
    if (r.confirmation !== null) {
      const matches = byConfirmation.get(r.confirmation) ?? []
      if (matches.length === 0) {
        issues.push(issue(r.row, 'confirmation', 'unknownConfirmation', `No stay has the confirmation number "${r.confirmation}"; check the number.`, { value: r.confirmation }))
        continue
      }
      if (matches.length > 1) {
        issues.push(issue(r.row, 'confirmation', 'ambiguousConfirmation', `"${r.confirmation}" is the confirmation number of more than one stay; give the stay number (入住编号) instead.`, { value: r.confirmation }))
        continue
      }
      stay = matches[0]
      if (r.stayId !== null && r.stayId !== stay.id) {
        issues.push(issue(r.row, 'stay', 'stayMismatch', `Stay ${r.stayId} is not the stay of confirmation number "${r.confirmation}" (stay ${stay.id}); correct one of the two.`, { value: r.stayId, confirmation: r.confirmation, stay: stay.id }))
        continue
      }
    } else if (r.stayId !== null) {
      column = 'stay'
      stay = byId.get(r.stayId)
      if (!stay) {
        issues.push(issue(r.row, 'stay', 'noSuchStay', `There is no stay ${r.stayId}; check the number.`, { value: r.stayId }))
        continue
      }
    }
    if (!stay) continue
    const refusal = stayRefusal(stay)
    if (refusal) {
      issues.push(issue(r.row, column, refusal.problem, refusal.message))
      continue
    }
    if (r.date !== null && r.date < stay.arrival) {
      issues.push(issue(r.row, 'date', 'dateBeforeStay', `${r.date} is before the stay began (${stay.arrival}); check the date.`, { value: r.date, arrival: stay.arrival }))
      continue
    }
    found.set(r.row, stay)
  }
  return found
}

export const satisfactionImportOperations = {
  /**
   * Managers and administrators (`satisfaction.import`): import guests' satisfaction answers
   * from a survey file. `csv`: the file's text (UTF-8, at most 2 MB; a byte-order mark and CRLF
   * line ends are fine), `fileName`: its name, kept on every record (import_file).
   * Columns (header in English or Chinese, any order): confirmation 确认号 (the stay's
   * confirmation number, Zhike's or the PMS's) or stay 入住编号 (Zhike's stay number); score 评分
   * (a whole number 1–5); comment 评语 (optional, ≤ 1000 characters); date 日期 (optional,
   * YYYY-MM-DD, the date the guest answered: not after today, not before the stay began).
   * The whole file is checked first: if any row is bad, NOTHING is saved and the answer is
   * VALIDATION with `details.issues = [{ path: 'row N: column', message (what to fix, English),
   * row, column, problem (a stable name the screen translates), params }]` naming every bad row
   * (row numbers as a spreadsheet shows them, the header being row 1; 'file' for the whole file).
   * Answers `{ imported (records added), alreadyImported (rows the store already holds: the same
   * stay, score, comment and date imported before, or twice in this file), rows (rows read) }`.
   * Records are saved with source 'import' and no staff member; the import is audited with the
   * file's name and checksum.
   */
  'satisfaction.import': operation({
    kind: 'mutation',
    summary: 'Import satisfaction answers (score 1–5, comment, date) from a survey CSV, stays found by confirmation number or stay number; every bad row named and nothing saved; a file imported twice adds nothing twice.',
    permission: 'satisfaction.import',
    input: z
      .object({
        fileName: z.string().trim().min(1, 'Name the file.').max(200, 'A file name is at most 200 characters.'),
        // One check, one sentence: characters first (cheap), then the UTF-8 bytes.
        csv: z
          .string()
          .refine(
            (csv) => csv.length <= maxSatisfactionFileBytes && Buffer.byteLength(csv, 'utf8') <= maxSatisfactionFileBytes,
            'A survey file may be at most 2 MB; split it into smaller files.',
          ),
      })
      .strict(),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const { rows, issues } = readSatisfactionCsv(input.csv, today(ctx))
      const confirmations = [...new Set(rows.flatMap((r) => (r.confirmation !== null ? [r.confirmation] : [])))]
      const byConfirmation = new Map<string, StayForSatisfaction[]>()
      for (const stay of staysByConfirmation(ctx.sqlite, confirmations)) {
        for (const number of new Set([stay.confirmationNo, stay.pmsConfirmation])) {
          if (number === null || !confirmations.includes(number)) continue
          byConfirmation.set(number, [...(byConfirmation.get(number) ?? []), stay])
        }
      }
      const ids = [...new Set(rows.flatMap((r) => (r.confirmation === null && r.stayId !== null ? [r.stayId] : [])))]
      const byId = new Map(staysById(ctx.sqlite, ids).map((s) => [s.id, s]))
      const stays = findStays(rows, byConfirmation, byId, issues)
      if (issues.length > 0) {
        issues.sort((a, b) => rowNumber(a.path) - rowNumber(b.path))
        const shown = issues.slice(0, 200)
        const more = issues.length - shown.length
        throw new AppError('VALIDATION', `${issues.length} problem${issues.length === 1 ? '' : 's'} in ${input.fileName}; nothing was imported. ${issues[0].path}: ${issues[0].message}`, {
          issues: more > 0 ? [...shown, issue(null, null, 'more', `…and ${more} more problems.`, { count: more })] : shown,
        })
      }
      const known = new Set(importedSatisfaction(ctx.sqlite, [...new Set([...stays.values()].map((s) => s.id))]).map(recordKey))
      const at = ctx.clock.now().toISOString()
      let imported = 0
      for (const r of rows) {
        const stay = stays.get(r.row)!
        const key = recordKey({ stayId: stay.id, score: r.score, comment: r.comment, date: r.date })
        if (known.has(key)) continue
        known.add(key)
        insertImportedSatisfaction(ctx.sqlite, { guestId: stay.guestId, stayId: stay.id, score: r.score, comment: r.comment, date: r.date, recordedAt: at, importFile: input.fileName })
        imported++
      }
      recordAudit(ctx.sqlite, {
        at,
        staffId: actor.staffId,
        action: 'satisfaction.import',
        entity: 'satisfaction',
        detail: { fileName: input.fileName, checksum: createHash('sha256').update(input.csv).digest('hex'), rows: rows.length, imported, alreadyImported: rows.length - imported },
      })
      return { imported, alreadyImported: rows.length - imported, rows: rows.length }
    },
  }),
}

const rowNumber = (path: string) => {
  const m = /^row (\d+)/.exec(path)
  return m ? Number(m[1]) : 0
}
