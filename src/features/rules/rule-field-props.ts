import type { RuleForm } from './rule-form'

/** What each part of the rule editor gets: the form, a way to change it, and translated messages by field path. */
export interface RuleFieldProps {
  form: RuleForm
  change: (next: (form: RuleForm) => RuleForm) => void
  errors: Record<string, string>
}

/** Mantine's NumberInput answers a number or '' (or a string while typing): the form keeps a whole number or ''. */
export function wholeOrEmpty(value: number | string): number | '' {
  if (value === '' || value === null) return ''
  const n = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(n) ? n : ''
}
