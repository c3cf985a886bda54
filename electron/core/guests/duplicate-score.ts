import { phoneDigits } from './guest-name'
import { documentKey, nameWords, sameNameSpelling } from './guest-keys'
import { foldForSearch } from './guest-name'

export interface DuplicateFacts {
  native_name: string
  roman_name: string | null
  phone: string | null
  phone_e164?: string | null
  email: string | null
  birth_date: string | null
  document_no: string | null
}

export interface DuplicateReason {
  field: 'name' | 'phone' | 'email' | 'birthDate' | 'document'
  outcome: 'same' | 'similar' | 'different'
}

/** True when a phone was typed with its country code (+853…, 00853…). */
const withCountryCode = (phone: string | null) => /^\s*(\+|00)/.test((phone ?? '').normalize('NFKC'))

/**
 * Pairs scoring at least this are shown to guest relations, and to the desk before it creates a
 * guest: the same name (as search folds it) with nothing that contradicts it is 40.
 */
export const likelyDuplicateScore = 40


/**
 * How likely two profiles are one person: names folded as search folds them (张伟 = 張偉 =
 * ZHANG Wei = Wei Zhang; Đỗ Thị Hạnh = Do Thi Hanh; O'Connell = OConnell), phone (last 8 digits, any formatting), email, birth date and document. A
 * different birth date or document counts strongly against. Pure and symmetric.
 */
export function scoreDuplicate(a: DuplicateFacts, b: DuplicateFacts): { score: number; reasons: DuplicateReason[] } {
  const reasons: DuplicateReason[] = []
  let score = 0
  const exactName =
    foldForSearch(a.native_name) === foldForSearch(b.native_name) ||
    (a.roman_name !== null && b.roman_name !== null && nameWords(a.roman_name).join(' ') === nameWords(b.roman_name).join(' '))
  const similarName = !exactName && sameNameSpelling(a, b)
  if (exactName) {
    score += 40
    reasons.push({ field: 'name', outcome: 'same' })
  } else if (similarName) {
    score += 30
    reasons.push({ field: 'name', outcome: 'similar' })
  } else {
    reasons.push({ field: 'name', outcome: 'different' })
  }
  const pa = phoneDigits(a.phone)
  const pb = phoneDigits(b.phone)
  if (pa.length >= 7 && pb.length >= 7) {
    // Whole numbers when both were read alike (138 2468 1357 is not 139 2468 1357; +852 is not
    // +853). A number typed without its country code may belong to another country than the
    // hotel's (a Macau guest's 6612 3456 in a CN hotel): against one typed with it, the last 8 digits decide.
    const comparable = a.phone_e164 && b.phone_e164 && withCountryCode(a.phone) === withCountryCode(b.phone)
    const same = comparable ? a.phone_e164 === b.phone_e164 : pa.slice(-8) === pb.slice(-8)
    score += same ? 35 : -5
    reasons.push({ field: 'phone', outcome: same ? 'same' : 'different' })
  }
  if (a.email && b.email) {
    const same = foldForSearch(a.email) === foldForSearch(b.email)
    score += same ? 35 : -5
    reasons.push({ field: 'email', outcome: same ? 'same' : 'different' })
  }
  if (a.birth_date && b.birth_date) {
    const same = a.birth_date === b.birth_date
    score += same ? 20 : -40
    reasons.push({ field: 'birthDate', outcome: same ? 'same' : 'different' })
  }
  if (a.document_no && b.document_no) {
    const same = documentKey(a.document_no) === documentKey(b.document_no)
    score += same ? 50 : -50
    reasons.push({ field: 'document', outcome: same ? 'same' : 'different' })
  }
  return { score, reasons }
}
