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

/**
 * When a timed rule fires, for the rules list ("3 days after departure, 10:00", "On the day of
 * departure, 10:00", "Every day at 09:30"); null for a rule that fires on an event.
 */
export function timingWords(rule: { trigger: string; offsetDays: number | null; atTime: string | null }, t: Translate): string | null {
  const time = rule.atTime ?? ''
  if (rule.trigger === 'post_stay' && rule.offsetDays !== null && rule.atTime) {
    return rule.offsetDays === 0 ? t('rules.timing.departureDay', { time }) : t('rules.timing.afterDeparture', { count: rule.offsetDays, time })
  }
  if (rule.trigger === 'pre_arrival' && rule.offsetDays !== null && rule.atTime) {
    return rule.offsetDays === 0 ? t('rules.timing.arrivalDay', { time }) : t('rules.timing.beforeArrival', { count: rule.offsetDays, time })
  }
  if (rule.trigger === 'daily' && rule.atTime) return t('rules.timing.daily', { time })
  return null
}
