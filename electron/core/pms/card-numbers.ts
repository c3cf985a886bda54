// Payment card data in a PMS file is never stored, shown or logged (issue 9). Report files are
// read through these two functions before anything else looks at a cell.

/** What a card number becomes. */
export const cardRemoved = '[card removed]'

// A run of digits with single spaces or dashes between them ("4111 1111-1111 1111"). A run right
// after "+" is an international phone number, never a card.
const digitRun = /(\+?)(\d(?:[ -]?\d)*)/g

function passesLuhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

const isCard = (digits: string) => digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)

/**
 * The text with every payment card number replaced by "[card removed]": a run of 13 to 19 digits
 * (spaces or dashes allowed between digits) that passes the Luhn check. In a longer run written in
 * groups ("4111 1111 1111 1111 1228": a card and its expiry), any whole groups in a row that form
 * a card are removed. Full-width digits count as digits. A run after "+" is a phone number and is
 * kept. Never throws.
 */
export function redactCardNumbers(text: string): string {
  const folded = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
  if (!/\d{4}/.test(folded.replace(/[ -]/g, ''))) return text
  let changed = false
  const out = folded.replace(digitRun, (whole, plus: string, run: string) => {
    if (plus) return whole
    const digits = run.replace(/[ -]/g, '')
    if (digits.length < 13) return whole
    if (isCard(digits)) {
      changed = true
      return cardRemoved
    }
    const groups = run.split(/[ -]/)
    if (groups.length === 1) return whole
    // From each group, the longest run of whole groups (13–19 digits) that is a card, so "card +
    // expiry" loses the card and keeps the rest as written. Linear: at most 19 groups per start.
    const parts: string[] = []
    let found = false
    for (let i = 0; i < groups.length; ) {
      let end = i
      let count = 0
      while (end < groups.length && count + groups[end].length <= 19) count += groups[end++].length
      let cardEnd = -1
      for (let e = end; e > i && cardEnd < 0; e--) {
        const joined = groups.slice(i, e).join('')
        if (joined.length >= 13 && isCard(joined)) cardEnd = e
      }
      if (cardEnd > 0) {
        parts.push(cardRemoved)
        found = true
        i = cardEnd
      } else {
        parts.push(groups[i])
        i++
      }
    }
    if (!found) return whole
    changed = true
    return parts.join(' ')
  })
  return changed ? out : text
}

// "Card", "Credit Card", "CC No", "Card Number", "Expiry", "Exp Date", "CVV", 信用卡, 卡号, 有效期;
// but a membership card number (会员卡号, "Member Card No", "Membership Card") is not a payment card.
const cardHeader = /\b(credit\s*card|card(\s*(no|number|#|type|holder))?|cc(\s*(no|number|#))?|pan|cvv|cvc|expiry|exp(iry)?\.?\s*date|expiration)\b|信用卡|卡号|有效期|持卡人/i
const membershipHeader = /member|loyalty|会员|积分|贵宾卡|vip\s*card/i

/** True when a header names a payment card column: such a column is never read at all. */
export function isCardColumn(header: string): boolean {
  const text = header.normalize('NFKC').trim()
  if (!cardHeader.test(text)) return false
  return !membershipHeader.test(text)
}
