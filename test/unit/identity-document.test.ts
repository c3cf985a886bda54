import { describe, expect, it } from 'vitest'
import { documentProblem, inferDocumentType, maskDocumentNo, maskedDocument, mod11_2CheckCharacter, normalizeDocumentNo } from '../../electron/core/guests/identity-document'

describe('居民身份证 (GB 11643-1999, ISO 7064 MOD 11-2)', () => {
  it('computes the check character of the standard’s own example and others', () => {
    // GB 11643-1999 Appendix A's worked example: 11010519491231002X.
    expect(mod11_2CheckCharacter('11010519491231002')).toBe('X')
    expect(mod11_2CheckCharacter('44030419900101123')).toBe('3')
    expect(mod11_2CheckCharacter('31010120000229001')).toBe('5')
  })

  it('accepts valid numbers, with X as check character, typed with spaces, hyphens, lower case or full-width digits', () => {
    expect(documentProblem('resident_id', '11010519491231002X')).toBeNull()
    expect(documentProblem('resident_id', '11010519491231002x')).toBeNull()
    expect(documentProblem('resident_id', '440304 19900101 1233')).toBeNull()
    expect(documentProblem('resident_id', '４４０３０４１９９００１０１１２３３')).toBeNull()
    expect(normalizeDocumentNo('1101-0519 4912 31002x')).toBe('11010519491231002X')
  })

  it('refuses a wrong check digit, one changed digit and swapped digits', () => {
    expect(documentProblem('resident_id', '110105194912310021')).toBe('resident_id_check_digit')
    expect(documentProblem('resident_id', '440304199001011234')).toBe('resident_id_check_digit')
    expect(documentProblem('resident_id', '440304199001011323')).toBe('resident_id_check_digit')
  })

  it('refuses X anywhere but last, and the wrong length (an old 15-digit number too)', () => {
    expect(documentProblem('resident_id', '1101051949123100X2')).toBe('resident_id_length')
    expect(documentProblem('resident_id', '11010519491231002')).toBe('resident_id_length')
    expect(documentProblem('resident_id', '110105491231002')).toBe('resident_id_length')
  })

  it('refuses a birth date that does not exist, is before 1900 or after today', () => {
    // 2001-02-29 does not exist; 2000-02-29 does.
    const feb29 = (year: string) => `310101${year}0229001`
    expect(documentProblem('resident_id', feb29('2000') + mod11_2CheckCharacter(feb29('2000')))).toBeNull()
    expect(documentProblem('resident_id', feb29('2001') + mod11_2CheckCharacter(feb29('2001')))).toBe('resident_id_birth_date')
    const month13 = '31010119901301001'
    expect(documentProblem('resident_id', month13 + mod11_2CheckCharacter(month13))).toBe('resident_id_birth_date')
    const old = '31010118991231001'
    expect(documentProblem('resident_id', old + mod11_2CheckCharacter(old))).toBe('resident_id_birth_date')
    const future = '31010120301231001'
    expect(documentProblem('resident_id', future + mod11_2CheckCharacter(future), '2026-12-01')).toBe('resident_id_birth_date')
    expect(documentProblem('resident_id', future + mod11_2CheckCharacter(future))).toBeNull()
  })

  it('refuses a first two digits that name no province', () => {
    const s = '99010519491231002'
    expect(documentProblem('resident_id', s + mod11_2CheckCharacter(s))).toBe('resident_id_region')
  })
})

describe('other document types', () => {
  it('passport: 5–20 letters and digits', () => {
    expect(documentProblem('passport', 'E12345678')).toBeNull()
    expect(documentProblem('passport', 'x1234')).toBeNull()
    expect(documentProblem('passport', 'E123')).toBe('passport_format')
    expect(documentProblem('passport', 'E1234567890123456789X')).toBe('passport_format')
    expect(documentProblem('passport', 'E1234/567')).toBe('passport_format')
  })

  it('港澳居民来往内地通行证: H or M and 8 digits, or 10 on older permits', () => {
    expect(documentProblem('hk_macao_permit', 'H12345678')).toBeNull()
    expect(documentProblem('hk_macao_permit', 'm1234567801')).toBeNull()
    expect(documentProblem('hk_macao_permit', 'H123456789')).toBe('hk_macao_permit_format')
    expect(documentProblem('hk_macao_permit', 'K12345678')).toBe('hk_macao_permit_format')
    expect(documentProblem('hk_macao_permit', '12345678')).toBe('hk_macao_permit_format')
  })

  it('台湾居民来往大陆通行证: 8 digits', () => {
    expect(documentProblem('taiwan_permit', '01234567')).toBeNull()
    expect(documentProblem('taiwan_permit', '1234567')).toBe('taiwan_permit_format')
    expect(documentProblem('taiwan_permit', 'T1234567')).toBe('taiwan_permit_format')
  })

  it('外国人永久居留身份证: the 2023 format with its check digit, and the older 15-character one', () => {
    const s = '91184019850101001'
    expect(documentProblem('foreign_permanent_resident', s + 'X')).toBeNull()
    expect(documentProblem('foreign_permanent_resident', s + '3')).toBe('foreign_permanent_resident_check_digit')
    const badDate = '91184019851301001'
    expect(documentProblem('foreign_permanent_resident', badDate + mod11_2CheckCharacter(badDate))).toBe('foreign_permanent_resident_birth_date')
    expect(documentProblem('foreign_permanent_resident', 'USA118501010015')).toBeNull()
    expect(documentProblem('foreign_permanent_resident', 'USA118513010015')).toBe('foreign_permanent_resident_birth_date')
    expect(documentProblem('foreign_permanent_resident', 'US1108501010012')).toBe('foreign_permanent_resident_format')
    // A resident identity card number is not a permanent residence ID.
    expect(documentProblem('foreign_permanent_resident', '11010519491231002X')).toBe('foreign_permanent_resident_format')
  })

  it('other: 1–40 letters or digits', () => {
    expect(documentProblem('other', 'AB-12')).toBeNull()
    expect(documentProblem('other', '军官证123')).toBeNull()
    expect(documentProblem('other', 'A'.repeat(41))).toBe('other_format')
    expect(documentProblem('other', '12/34')).toBe('other_format')
  })
})

describe('stored numbers and masking', () => {
  it('infers 居民身份证 for a valid number stored before documents had types, else other', () => {
    expect(inferDocumentType('11010519491231002X')).toBe('resident_id')
    expect(inferDocumentType('110105194912310021')).toBe('other')
    expect(inferDocumentType('E12345678')).toBe('other')
  })

  it('shows only the last four characters', () => {
    expect(maskDocumentNo('11010519491231002X')).toBe('****002X')
    expect(maskDocumentNo('E12345678')).toBe('****5678')
    expect(maskDocumentNo('1234')).toBe('****')
    expect(maskDocumentNo(null)).toBeNull()
    expect(maskedDocument(null, '11010519491231002X')).toEqual({ type: 'resident_id', masked: '****002X' })
    expect(maskedDocument('passport', 'E12345678')).toEqual({ type: 'passport', masked: '****5678' })
    expect(maskedDocument('passport', null)).toBeNull()
  })
})

describe('nationality or region (国籍/地区) in every label', () => {
  it('no English or Chinese message names a nationality without the region', async () => {
    const fs = await import('node:fs')
    const path = await import('node:path')
    const dir = path.join(__dirname, '../../src/i18n')
    const found: string[] = []
    const walk = (file: string, node: unknown, key: string) => {
      if (typeof node === 'string') {
        const english = /nationalit/i.test(node) && !/region/i.test(node)
        const chinese = node.includes('国籍') && !node.includes('地区')
        if (english || chinese) found.push(`${file} ${key}: ${node}`)
      } else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(file, v, key ? `${key}.${k}` : k)
    }
    for (const file of fs.readdirSync(dir).filter((f: string) => f.endsWith('.json'))) walk(file, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), '')
    expect(found).toEqual([])
  })
})
