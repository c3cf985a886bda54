import { AppError } from '../errors'

/**
 * Identity documents: their types, how each type's number is checked, and how a number is
 * shown to anyone who may not see it whole (the last four characters). Pure: no store, no clock
 * (the caller passes today's business date where the birth date must not be in the future).
 *
 * Who may see a whole number: roles with the permission 'guest.document' (the front desk for the
 * police registration, guest relations, managers), through `guest.document`, and every such view
 * is audited. Everywhere else (the card, lists, the change history, exports) a number is masked.
 */

/** The document types a hotel in China registers guests with (旅馆业治安管理办法: 查验身份证件). */
export const documentTypes = ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'foreign_permanent_resident', 'other'] as const
export type DocumentType = (typeof documentTypes)[number]

/** Why a number does not fit its type (the renderer translates `privacy.documentError.<reason>`). */
export type DocumentProblem =
  | 'resident_id_length'
  | 'resident_id_region'
  | 'resident_id_birth_date'
  | 'resident_id_check_digit'
  | 'passport_format'
  | 'hk_macao_permit_format'
  | 'taiwan_permit_format'
  | 'foreign_permanent_resident_format'
  | 'foreign_permanent_resident_birth_date'
  | 'foreign_permanent_resident_check_digit'
  | 'other_format'

/** English sentences for each problem (the API's message; screens translate the reason code). */
export const documentProblemMessages: Record<DocumentProblem, string> = {
  resident_id_length: 'A resident identity card number has 18 characters: 17 digits, then a digit or X.',
  resident_id_region: 'The first two digits of a resident identity card number name a province; these name none.',
  resident_id_birth_date: 'Digits 7–14 of a resident identity card number are the birth date (YYYYMMDD); this date does not exist or is in the future.',
  resident_id_check_digit: 'The last character of this resident identity card number does not match the others: check each digit.',
  passport_format: 'A passport number has 5 to 20 letters and digits.',
  hk_macao_permit_format: 'A Home Return Permit number is H or M followed by 8 digits (or 10 on older permits).',
  taiwan_permit_format: 'A Taiwan Compatriot Permit number has 8 digits.',
  foreign_permanent_resident_format: 'A foreign permanent residence ID number is 18 characters starting with 9 (since 2023), or 3 letters and 12 digits (older cards).',
  foreign_permanent_resident_birth_date: 'The birth date inside this permanent residence ID number does not exist or is in the future.',
  foreign_permanent_resident_check_digit: 'The last character of this permanent residence ID number does not match the others: check each digit.',
  other_format: 'A document number has 1 to 40 letters, digits or hyphens.',
}

/**
 * A number as it is stored and compared: NFKC (full-width digits typed on a Chinese keyboard
 * become ASCII), spaces and hyphens dropped, letters in capitals (a lowercase x check digit is X).
 */
export function normalizeDocumentNo(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase()
}

/** The weights of ISO 7064:1983 MOD 11-2 over 17 digits, as GB 11643-1999 §8.2 lists them (2^(18-i) mod 11). */
const mod11Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const mod11Check = '10X98765432'

/**
 * The check character of 17 digits under ISO 7064 MOD 11-2 (GB 11643-1999 《公民身份号码》 §8.2):
 * S = Σ aᵢ·wᵢ, Y = S mod 11, check = "10X98765432"[Y].
 */
export function mod11_2CheckCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * mod11Weights[i]
  return mod11Check[sum % 11]
}

/**
 * Province-level codes of GB/T 2260 that begin a 公民身份号码 (the address code's first two digits);
 * 71, 81, 82 (台湾, 香港, 澳门) and 83 also begin 港澳台居民居住证 numbers, which use the same scheme.
 */
const provinceCodes = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
])

function realDate(year: number, month: number, day: number, today: string | undefined): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return false
  return today === undefined || d.toISOString().slice(0, 10) <= today
}

/**
 * 居民身份证 (resident identity card), GB 11643-1999 《公民身份号码》: 18 characters = a 6-digit
 * address code (GB/T 2260), an 8-digit birth date YYYYMMDD, a 3-digit sequence (odd for men),
 * and a check character (ISO 7064 MOD 11-2, 0–9 or X).
 */
function residentIdProblem(no: string, today?: string): DocumentProblem | null {
  if (!/^\d{17}[\dX]$/.test(no)) return 'resident_id_length'
  if (!provinceCodes.has(no.slice(0, 2))) return 'resident_id_region'
  if (!realDate(Number(no.slice(6, 10)), Number(no.slice(10, 12)), Number(no.slice(12, 14)), today)) return 'resident_id_birth_date'
  if (mod11_2CheckCharacter(no.slice(0, 17)) !== no[17]) return 'resident_id_check_digit'
  return null
}

/**
 * 外国人永久居留身份证. Since 2023-12-01 (国家移民管理局 公告, 2023 年版): 18 characters = "9", a
 * 2-digit province code of the issuing authority, a 3-digit nationality code (ISO 3166-1 numeric),
 * the birth date YYYYMMDD, a 3-digit sequence and a check character computed as GB 11643-1999's
 * (ISO 7064 MOD 11-2). Cards of 2004–2023 (公安部令 第74号 era): 15 characters = the ISO 3166-1
 * alpha-3 nationality, a 2-digit province code, the birth date YYMMDD, a 3-digit sequence and a
 * check digit (its scheme is not published; only the structure and the date are checked).
 */
function permanentResidentProblem(no: string, today?: string): DocumentProblem | null {
  if (/^9\d{16}[\dX]$/.test(no)) {
    if (!realDate(Number(no.slice(6, 10)), Number(no.slice(10, 12)), Number(no.slice(12, 14)), today)) return 'foreign_permanent_resident_birth_date'
    if (mod11_2CheckCharacter(no.slice(0, 17)) !== no[17]) return 'foreign_permanent_resident_check_digit'
    return null
  }
  if (/^[A-Z]{3}\d{12}$/.test(no)) {
    const yy = Number(no.slice(5, 7))
    const month = Number(no.slice(7, 9))
    const day = Number(no.slice(9, 11))
    // Two-digit years: either century may be meant; the date must exist in one of them.
    const fits = realDate(2000 + yy, month, day, today) || realDate(1900 + yy, month, day, today)
    return fits ? null : 'foreign_permanent_resident_birth_date'
  }
  return 'foreign_permanent_resident_format'
}

/**
 * Why a number does not fit its document type, or null when it does. `no` is normalised first
 * (`normalizeDocumentNo`); `today` (the business date, YYYY-MM-DD) refuses birth dates after it.
 *
 * - resident_id: GB 11643-1999 (see `residentIdProblem`).
 * - passport: ICAO Doc 9303 Part 4 gives the machine-readable document number 9 characters
 *   (A–Z, 0–9), but states issue longer and shorter ones; 5–20 letters and digits are accepted.
 * - hk_macao_permit 港澳居民来往内地通行证 (回乡证): H (Hong Kong) or M (Macao) + 8 digits on the card
 *   issued since 2013-01-02 (公安部出入境管理局), + 10 digits on the older booklet-era cards.
 * - taiwan_permit 台湾居民来往大陆通行证 (台胞证): 8 digits, kept for life, on the card issued since
 *   2015-09-21 (国务院令 第661号 修订《中国公民往来台湾地区管理办法》).
 * - foreign_permanent_resident: see `permanentResidentProblem` (2023 and older formats).
 * - other: 1–40 letters, digits or hyphens.
 */
export function documentProblem(type: DocumentType, raw: string, today?: string): DocumentProblem | null {
  const no = normalizeDocumentNo(raw)
  switch (type) {
    case 'resident_id':
      return residentIdProblem(no, today)
    case 'passport':
      return /^[A-Z0-9]{5,20}$/.test(no) ? null : 'passport_format'
    case 'hk_macao_permit':
      return /^[HM](\d{8}|\d{10})$/.test(no) ? null : 'hk_macao_permit_format'
    case 'taiwan_permit':
      return /^\d{8}$/.test(no) ? null : 'taiwan_permit_format'
    case 'foreign_permanent_resident':
      return permanentResidentProblem(no, today)
    case 'other':
      return /^[\p{L}\p{N}]{1,40}$/u.test(no) ? null : 'other_format'
  }
}

/**
 * The type of a number stored before documents had types (migration 0015): a valid 居民身份证
 * number is one; anything else is 'other' (a passport cannot be told from other documents).
 */
export function inferDocumentType(raw: string): DocumentType {
  return documentProblem('resident_id', raw) === null ? 'resident_id' : 'other'
}

/** What shows where the whole number may not: "****" and the last four characters ("****" alone for 4 or fewer). */
export function maskDocumentNo(no: string | null | undefined): string | null {
  if (no === null || no === undefined || no === '') return null
  return no.length <= 4 ? '****' : `****${no.slice(-4)}`
}

/** A document as the card and lists show it: its type and the masked number. */
export interface MaskedDocument {
  type: DocumentType
  /** "****1234": the last four characters only. */
  masked: string
}

/** A stored document (type and number columns) as everyone without 'guest.document' sees it. */
export function maskedDocument(type: string | null, no: string | null): MaskedDocument | null {
  const masked = maskDocumentNo(no)
  if (masked === null || no === null) return null
  return { type: (documentTypes as readonly string[]).includes(type ?? '') ? (type as DocumentType) : inferDocumentType(no), masked }
}

/**
 * A document as it is stored: the number normalised and checked against its type (the type
 * inferred when none is given: 居民身份证 when the number is one, else other), or both null when
 * there is no number. Throws VALIDATION with an issue on `documentNo` whose `reason` names the
 * problem (the renderer translates `privacy.documentError.<reason>`), and on `documentType` when a
 * type comes without a number.
 */
export function checkedDocument(type: DocumentType | null, no: string | null, today?: string): { document_type: DocumentType | null; document_no: string | null } {
  if (no === null || no.trim() === '') {
    if (type !== null) {
      throw new AppError('VALIDATION', 'Enter the document number, or leave the document type empty.', {
        issues: [{ path: 'documentNo', message: 'Enter the document number.', reason: 'missing' }],
      })
    }
    return { document_type: null, document_no: null }
  }
  const kind = type ?? inferDocumentType(no)
  const problem = documentProblem(kind, no, today)
  if (problem) throw new AppError('VALIDATION', documentProblemMessages[problem], { issues: [{ path: 'documentNo', message: documentProblemMessages[problem], reason: problem }] })
  return { document_type: kind, document_no: normalizeDocumentNo(no) }
}
