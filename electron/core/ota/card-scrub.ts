import { redactCardNumbers } from '../pms/card-numbers'
import type { XmlElement } from './ota-xml'

/**
 * Payment data an OpenTravel profile may carry (OTA 2015B `PaymentFormType`, `PaymentCardType`,
 * `BankAcctType`, `EncryptionTokenType`). Zhike stores no payment data: these elements are cut
 * from the parsed message before anything is read from it.
 */
const paymentElements = new Set(['PaymentForm', 'PaymentFormPref', 'PaymentCard', 'CardNumber', 'SeriesCode', 'CardHolderName', 'ExpireDate', 'BankAcct', 'DirectBill', 'PlainText', 'Voucher', 'LoyaltyRedemption', 'Cash'])
const paymentAttributes = new Set(['CardNumber', 'SeriesCode', 'ExpireDate', 'Token', 'EncryptedValue', 'Mask', 'EncryptionKey', 'BankAcctNumber'])

/** Removes every payment element and attribute, anywhere in the tree (in place). Returns how many went. */
export function dropPaymentData(element: XmlElement): number {
  let dropped = 0
  for (const name of Object.keys(element.attributes)) {
    if (paymentAttributes.has(name)) {
      delete element.attributes[name]
      dropped += 1
    }
  }
  for (const name of Object.keys(element.children)) {
    if (paymentElements.has(name)) {
      dropped += element.children[name].length
      delete element.children[name]
      continue
    }
    for (const child of element.children[name]) dropped += dropPaymentData(child)
  }
  return dropped
}

function luhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** A run of 13–19 digits, possibly grouped by spaces, dots or hyphens, as card numbers are written. */
const digitRun = /\d(?:[ .\u00a0-]?\d){12,18}/g

/** Replaces anything in free text that reads as a payment card number (13–19 digits passing Luhn) with "[card removed]". */
export function scrubCardNumbers(text: string): string {
  // Dotted groups here; then the PMS files' rule, which also finds a card followed by its expiry.
  return redactCardNumbers(text.replace(digitRun, (run) => (luhn(run.replace(/\D/g, '')) ? '[card removed]' : run)))
}

/** Attributes that hold free text (identifiers such as ID or MembershipID are not free text). */
const freeTextAttributes = new Set(['Remark', 'Text', 'Description', 'FavoriteFood', 'Beverage'])

/** Scrubs every free text left in the tree (in place), after `dropPaymentData`. */
export function scrubTree(element: XmlElement): void {
  element.text = scrubCardNumbers(element.text)
  for (const [name, value] of Object.entries(element.attributes)) {
    if (freeTextAttributes.has(name)) element.attributes[name] = scrubCardNumbers(value)
  }
  for (const children of Object.values(element.children)) for (const child of children) scrubTree(child)
}
