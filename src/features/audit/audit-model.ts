import type { TFunction } from 'i18next'
import type { InputOf, OutputOf } from '../../../electron/core/api'

export type AuditEntry = OutputOf<'audit.search'>['rows'][number]
export type AuditFilterInput = NonNullable<InputOf<'audit.search'>['filter']>

/** The audit log's filter form as typed: ids as strings from the selects, dates as typed. */
export interface AuditForm {
  guestId: number | null
  guestLabel: string
  staffId: string
  action: string
  from: string
  to: string
}

export const emptyAuditForm: AuditForm = { guestId: null, guestLabel: '', staffId: '', action: '', from: '', to: '' }

const datePattern = /^\d{4}-\d{2}-\d{2}$/

/** Which fields of the form need fixing before a search ('from', 'to', 'range': to before from). */
export function auditFormProblems(form: AuditForm): ('from' | 'to' | 'range')[] {
  const problems: ('from' | 'to' | 'range')[] = []
  if (form.from && !datePattern.test(form.from)) problems.push('from')
  if (form.to && !datePattern.test(form.to)) problems.push('to')
  if (problems.length === 0 && form.from && form.to && form.to < form.from) problems.push('range')
  return problems
}

/** The filter `audit.search` and `audit.export` take, from a form without problems. */
export function auditFilterOf(form: AuditForm): AuditFilterInput {
  return {
    ...(form.guestId !== null ? { guestId: form.guestId } : {}),
    ...(form.staffId ? { staffId: Number(form.staffId) } : {}),
    ...(form.action ? { actions: form.action.split(',') } : {}),
    ...(form.from ? { from: form.from } : {}),
    ...(form.to ? { to: form.to } : {}),
  }
}

/** An action in the screen's words; an action these files do not know yet is shown as stored. */
export function actionWords(t: TFunction, action: string, labelKey: string): string {
  return t(labelKey, { defaultValue: action })
}

/**
 * The action select's options, by their words: actions that read the same (the card's read is
 * 'guest.card' by operation and 'guest.view' as written) are one option whose value lists them all.
 */
export function actionChoices(t: TFunction, actions: readonly { action: string; labelKey: string }[]): { value: string; label: string }[] {
  const byWords = new Map<string, string[]>()
  for (const a of actions) {
    const words = actionWords(t, a.action, a.labelKey)
    byWords.set(words, [...(byWords.get(words) ?? []), a.action])
  }
  return [...byWords].map(([label, list]) => ({ value: list.join(','), label })).sort((a, b) => a.label.localeCompare(b.label))
}

/** The guest an audit row names, in words: the current name, or why there is none. */
export function guestWords(t: TFunction, guest: AuditEntry['guest']): string {
  if (!guest) return ''
  switch (guest.state) {
    case 'anonymised':
      return t('auditLog.guestAnonymised', { id: guest.id })
    case 'missing':
      return t('auditLog.guestMissing', { id: guest.id })
    case 'hidden':
      return t('auditLog.guestHidden', { id: guest.id })
    case 'merged':
      return t('auditLog.guestMerged', { name: nameOf(guest), into: guest.mergedInto })
    default:
      return nameOf(guest)
  }
}

function nameOf(guest: { name: string | null; romanName: string | null }): string {
  return [guest.name, guest.romanName].filter(Boolean).join(' · ')
}

/** Where a row came from: 'This computer' for the desktop's window, the address otherwise. */
export function terminalWords(t: TFunction, terminal: string | null): string {
  if (terminal === null) return t('auditLog.unknownTerminal')
  return terminal === 'desktop' ? t('auditLog.desktop') : terminal
}

/** A row's detail in one short line: `key: value` pairs, lists as counts past three items. */
export function detailWords(detail: unknown): string {
  if (detail === null || detail === undefined) return ''
  if (typeof detail !== 'object') return String(detail)
  return Object.entries(detail as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${valueWords(value)}`)
    .join('; ')
}

function valueWords(value: unknown): string {
  if (Array.isArray(value)) return value.length > 3 ? `[${value.slice(0, 3).map(valueWords).join(', ')}, … ${value.length}]` : `[${value.map(valueWords).join(', ')}]`
  if (value !== null && typeof value === 'object') return `{${detailWords(value)}}`
  return String(value)
}
