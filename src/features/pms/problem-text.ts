import type { TFunction } from 'i18next'

/** A report problem as the screen words it. */
export interface ProblemLike {
  line: number
  field?: string | null
  column?: string | null
  code: string
  value?: string | null
  message: string
}

/**
 * One problem in the user's language: "Line 4 · Status: “WAITLIST” is not a status Zhike knows."
 * Codes without a sentence (a new one from core) fall back to core's English message.
 */
export function problemText(t: TFunction, problem: ProblemLike): string {
  const field = problem.field ? t(`pms.fields.${problem.field}`, { defaultValue: problem.field }) : null
  const detail = t(`pms.problems.${problem.code}`, { defaultValue: '', value: problem.value ?? '', column: problem.column ?? '', field: field ?? '' })
  // Core's English message already names the line.
  if (!detail) return problem.message
  return field ? t('pms.problemLineField', { line: problem.line, field, detail }) : t('pms.problemLine', { line: problem.line, detail })
}
