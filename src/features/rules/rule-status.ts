import type { RuleView } from './rule-types'

/**
 * The hotel's own rule that stands in for a switched-off built-in rule: an active rule of the
 * hotel's for the same need (preference category and item) and the same department, the one with
 * the same trigger and kind first. Core switches a built-in off when such a rule is added
 * (rule.create, `replaces`); the list says so instead of a bare "Off". Null for a rule that is on,
 * not built in, or switched off by hand.
 */
export function replacingRule(rule: RuleView, rules: readonly RuleView[]): RuleView | null {
  if (rule.active || !rule.builtin || !rule.category) return null
  const candidates = rules.filter((r) => r.active && !r.builtin && r.id !== rule.id && r.category === rule.category && r.code === rule.code && r.department === rule.department)
  const likeness = (r: RuleView) => (r.trigger === rule.trigger ? 2 : 0) + (r.kind === rule.kind ? 1 : 0)
  return candidates.reduce<RuleView | null>((best, r) => (best === null || likeness(r) > likeness(best) ? r : best), null)
}

/** What a rule's switch says: on, off, or replaced by the hotel's own rule (by its text). */
export type RuleSwitchState = { state: 'on' } | { state: 'off' } | { state: 'replaced'; by: RuleView }

export function ruleSwitchState(rule: RuleView, rules: readonly RuleView[]): RuleSwitchState {
  if (rule.active) return { state: 'on' }
  const by = replacingRule(rule, rules)
  return by ? { state: 'replaced', by } : { state: 'off' }
}

/**
 * A preview's prompt text with the missing room spelled out. Core fills {room} with "—" when the
 * guest has no room yet; where the template names {room} and has no dash of its own, each dash
 * is the room, and `noRoom` ("no room yet", 未排房) takes its place.
 */
export function withRoomWords(text: string, template: string, roomNumber: string | null, noRoom: string): string {
  if (roomNumber !== null || !template.includes('{room}') || template.includes('—')) return text
  return text.split('—').join(noRoom)
}
