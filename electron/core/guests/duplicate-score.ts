import { phoneDigits } from './guest-name'
import { nameKey, nameWords } from './guest-keys'

export interface DuplicateFacts {
  native_name: string
  roman_name: string | null
  phone: string | null
  email: string | null
  birth_date: string | null
  document_no: string | null
}

export interface DuplicateReason {
  field: 'name' | 'phone' | 'email' | 'birthDate' | 'document'
  outcome: 'same' | 'similar' | 'different'
}

/** Pairs scoring at least this are shown to guest relations as likely the same person. */
export const likelyDuplicateScore = 50

const normalDocument = (d: string | null) => (d ?? '').replace(/[\s-]/g, '').toUpperCase()

/**
 * How likely two profiles are one person: names (with transliteration: 张伟 = ZHANG Wei =
 * Wei Zhang), phone (last 8 digits, any formatting), email, birth date and document. A
 * different birth date or document counts strongly against. Pure and symmetric.
 */
export function scoreDuplicate(a: DuplicateFacts, b: DuplicateFacts): { score: number; reasons: DuplicateReason[] } {
  const reasons: DuplicateReason[] = []
  let score = 0
  const exactName =
    a.native_name.trim() === b.native_name.trim() ||
    (a.roman_name !== null && b.roman_name !== null && nameWords(a.roman_name).join(' ') === nameWords(b.roman_name).join(' '))
  const keysA = nameKey(a)
  const similarName = keysA.some((k) => nameKey(b).includes(k))
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
    const same = pa.slice(-8) === pb.slice(-8)
    score += same ? 35 : -5
    reasons.push({ field: 'phone', outcome: same ? 'same' : 'different' })
  }
  if (a.email && b.email) {
    const same = a.email.trim().toLowerCase() === b.email.trim().toLowerCase()
    score += same ? 35 : -5
    reasons.push({ field: 'email', outcome: same ? 'same' : 'different' })
  }
  if (a.birth_date && b.birth_date) {
    const same = a.birth_date === b.birth_date
    score += same ? 20 : -40
    reasons.push({ field: 'birthDate', outcome: same ? 'same' : 'different' })
  }
  if (a.document_no && b.document_no) {
    const same = normalDocument(a.document_no) === normalDocument(b.document_no)
    score += same ? 50 : -50
    reasons.push({ field: 'document', outcome: same ? 'same' : 'different' })
  }
  return { score, reasons }
}
