import type { RulePlaceholder } from '../rules/rule-types'

/** What each placeholder stands for when a rule is named rather than rendered for one guest. */
export type PlaceholderWords = Record<RulePlaceholder, string>

/**
 * A rule's template as its name: "Firm pillow for {guest} in {room}" reads "Firm pillow for the
 * guest in the room", never the raw braces. Whitespace is folded and a long name is cut at `max`
 * characters with an ellipsis (the whole of it goes in a title).
 */
export function templateAsName(template: string, words: PlaceholderWords, max = 80): string {
  const text = template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in words ? words[name as RulePlaceholder] : whole)).replace(/\s+/g, ' ').trim()
  return shortLabel(text, max)
}

/** A label cut to `max` characters with an ellipsis (chart axes: the full label goes in the tooltip and table). */
export function shortLabel(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`
}
