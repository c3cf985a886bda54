/*
 * The rules screen's view of the rule operations (rule.list, rule.create, rule.update,
 * rule.setActive, rule.reorder, rule.preview), as electron/core/rules/rule.operations.ts
 * documents them. Kept apart from the form so the form rules stay pure and testable.
 */

/** The triggers a manager may choose for a rule. */
export const ruleTriggers = ['reservation', 'pre_arrival', 'check_in', 'in_stay', 'daily', 'room_move', 'check_out', 'post_stay'] as const
/**
 * Every trigger a stored rule may have: also 'recovery', the built-in recovery rules the recovery
 * service fires itself (a complaint's first response, a promise, a follow-up, the next stay's
 * reminders). Shown, explained, never offered for a new rule.
 */
export const allRuleTriggers = [...ruleTriggers, 'recovery'] as const
export type RuleTrigger = (typeof allRuleTriggers)[number]
export const ruleKinds = ['task', 'standing'] as const
export type RuleKind = (typeof ruleKinds)[number]
export const rulePriorities = ['low', 'normal', 'high', 'urgent'] as const
export type RulePriority = (typeof rulePriorities)[number]
export const rulePolarities = ['wanted', 'unwanted', 'any'] as const
export type RulePolarity = (typeof rulePolarities)[number]
export const ruleStrengths = ['required', 'preferred', 'avoid', 'never'] as const
export type RuleStrength = (typeof ruleStrengths)[number]
/** What a template may name; anything else in braces is refused (prompt-generation.ts `placeholders`). */
export const rulePlaceholders = ['guest', 'room', 'value', 'arrival', 'departure', 'nights', 'vip', 'date'] as const
export type RulePlaceholder = (typeof rulePlaceholders)[number]
/** A recovery rule's templates may also name {note}: what the case or the promise says. */
export const recoveryPlaceholders = [...rulePlaceholders, 'note'] as const
/** The placeholders a template of this trigger may use. */
export function placeholdersOf(trigger: RuleTrigger): readonly string[] {
  return trigger === 'recovery' ? recoveryPlaceholders : rulePlaceholders
}

export interface RuleConditions {
  strengths?: RuleStrength[]
  exceptCodes?: string[]
  vipMin?: number
  languages?: string[]
  nationalities?: string[]
  visit?: 'first' | 'returning'
  occasion?: 'birthday' | 'anniversary'
  minNights?: number
  maxNights?: number
  /** Only guests who had a recovery case on this stay (the post-stay follow-up). */
  recoveryCase?: true
}

/** What rule.create takes (rule.update adds the id). */
export interface RuleInput {
  key?: string
  kind: RuleKind
  trigger: RuleTrigger
  offsetDays: number | null
  atTime: string | null
  category: string | null
  code: string | null
  value: string | null
  polarity: RulePolarity
  conditions: RuleConditions
  department: string
  priority: RulePriority
  ackMinutes: number | null
  dueMinutes: number
  template: { en: string; zh: string }
}

export interface RuleView extends RuleInput {
  id: number
  key: string
  active: boolean
  position: number
  builtin: boolean
  updatedAt: string | null
}

export interface RulePreviewMatch {
  stayId: number
  guestId: number
  guest: { nativeName: string | null; romanName: string | null }
  roomNumber: string | null
  status: 'arriving' | 'in_house'
  reason: { category: string; code: string; value: string | null; strength: string } | null
  text: { en: string; zh: string }
  /** When the scheduler would fire a timed rule (ISO instant; dueAt counts from then), null for a rule fired by an event. */
  firesAt: string | null
  dueAt: string | null
  department: string
}

export interface RulePreview {
  businessDate?: string
  /** Stays looked at: today's arrivals and the in-house guests. */
  checked: number
  /** Prompts it would make (matches lists at most 100). */
  total?: number
  matches: RulePreviewMatch[]
}

// The store's answers fit these shapes (a type error here means the contract moved).
type Fits<A extends B, B> = A
export type RuleViewFits = Fits<import('../../../electron/core/api').OutputOf<'rule.list'>[number], RuleView>
export type RulePreviewFits = Fits<import('../../../electron/core/api').OutputOf<'rule.preview'>, RulePreview>
