/*
 * The satisfaction import screen's words for a refused file: each problem core names (row,
 * column, problem, params) as a translated line. Pure, so it is unit-tested with the rest.
 */
import type { TFunction } from 'i18next'

export interface ImportIssue {
  path: string
  message: string
  row?: number | null
  column?: string | null
  problem?: string
  params?: Record<string, string | number>
}

/** The largest file the screen sends (core refuses larger too). */
export const maxSurveyBytes = 2 * 1024 * 1024

/** Where a problem is ("Row 3 · score" / "第3行 · 评分") and what to fix, in the UI language; core's English when the problem is unknown. */
export function issueLine(t: TFunction, issue: ImportIssue): { where: string; what: string } {
  const where =
    typeof issue.row === 'number' && issue.column
      ? t('satisfactionImport.whereRow', { row: issue.row, column: t(`satisfactionImport.column.${issue.column}`, { defaultValue: issue.column }) })
      : issue.path === 'file' || !issue.path
        ? t('satisfactionImport.whereFile')
        : issue.path
  const what = issue.problem ? t(`satisfactionImport.problem.${issue.problem}`, { ...(issue.params ?? {}), defaultValue: issue.message }) : issue.message
  return { where, what }
}
