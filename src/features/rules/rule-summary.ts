import type { RuleConditions } from './rule-types'

type Translate = (key: string, options?: Record<string, unknown>) => string

/**
 * Who a rule is for, in short phrases for the rules list ("VIP 2+", "Birthday", "Returning
 * guest", "Speaks ja, en", "From JP", "3+ nights"), in the order a manager sets them on the form.
 * [] when the rule holds no condition on the guest or the stay.
 */
export function conditionWords(conditions: RuleConditions, t: Translate): string[] {
  const words: string[] = []
  if (conditions.vipMin !== undefined) words.push(t('rules.who.vipMin', { n: conditions.vipMin }))
  if (conditions.languages?.length) words.push(t('rules.who.languages', { list: conditions.languages.join(', ') }))
  if (conditions.nationalities?.length) words.push(t('rules.who.nationalities', { list: conditions.nationalities.join(', ') }))
  if (conditions.visit) words.push(t(`rules.visit.${conditions.visit}`))
  if (conditions.occasion) words.push(t(`rules.occasion.${conditions.occasion}`))
  if (conditions.recoveryCase) words.push(t('rules.who.recoveryCase'))
  const { minNights: min, maxNights: max } = conditions
  if (min !== undefined && max !== undefined) words.push(t('rules.who.nightsBetween', { min, max }))
  else if (min !== undefined) words.push(t('rules.who.nightsAtLeast', { min }))
  else if (max !== undefined) words.push(t('rules.who.nightsAtMost', { max }))
  return words
}
