import type { Migration } from './migration'

// Frozen once shipped: add a new file instead.
// Privacy records (issue 12).
// 1. Identity documents carry a type (guest.document_type: resident_id, passport, hk_macao_permit,
//    taiwan_permit, foreign_permanent_resident, other). A number stored before has its type
//    inferred: 居民身份证 when it is one (18 characters, a province code, a real birth date and the
//    GB 11643-1999 check character, worked out here in SQL exactly as identity-document.ts does),
//    else 'other'.
// 2. The change history never holds a whole document number: existing document_no rows keep only
//    the last four characters ("****1234"), as recordChanges writes them from now on.
// 3. Consent records (guest_consent): each time a guest gives or withdraws consent to marketing
//    contact or to sensitive data, when, how and who recorded it. guest.consent_* stay the current
//    value. A consent held before this migration becomes one record, method 'before_records'.

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const provinces = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83']

/** SQL that is 1 when `n` (an expression holding a normalised number) is a valid 公民身份号码. */
function isResidentIdSql(n: string): string {
  const digits17 = `substr(${n}, 1, 17) GLOB '${'[0-9]'.repeat(17)}'`
  const birth = `substr(${n}, 7, 4) || '-' || substr(${n}, 11, 2) || '-' || substr(${n}, 13, 2)`
  const sum = weights.map((w, i) => `${w} * CAST(substr(${n}, ${i + 1}, 1) AS INTEGER)`).join(' + ')
  return `(length(${n}) = 18 AND ${digits17} AND substr(${n}, 18, 1) GLOB '[0-9X]'
    AND substr(${n}, 1, 2) IN (${provinces.map((p) => `'${p}'`).join(', ')})
    AND date(${birth}) IS ${birth} AND CAST(substr(${n}, 7, 4) AS INTEGER) >= 1900
    AND substr('10X98765432', ((${sum}) % 11) + 1, 1) = substr(${n}, 18, 1))`
}

export const privacyRecords: Migration = {
  name: '0015-privacy-records',
  up({ schema, run }) {
    run(schema.alterTable('guest').addColumn('document_type', 'text'))
    const n = `upper(replace(replace(document_no, ' ', ''), '-', ''))`
    run(`UPDATE guest SET document_type = CASE WHEN ${isResidentIdSql(n)} THEN 'resident_id' ELSE 'other' END
      WHERE document_no IS NOT NULL AND document_no <> ''`)

    const mask = (v: string) => `CASE WHEN ${v} IS NULL THEN NULL WHEN length(${v}) <= 4 THEN '****' ELSE '****' || substr(${v}, -4) END`
    run(`UPDATE guest_change SET old_value = ${mask('old_value')}, new_value = ${mask('new_value')}
      WHERE field = 'document_no' AND entity IN ('guest', 'merge')`)

    run(
      schema
        .createTable('guest_consent')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('guest_id', 'integer', (c) => c.notNull().references('guest.id'))
        // marketing | sensitive
        .addColumn('kind', 'text', (c) => c.notNull())
        // 1 given, 0 withdrawn
        .addColumn('given', 'integer', (c) => c.notNull())
        // When the guest gave or withdrew it (ISO instant); recorded_at is when it was entered.
        .addColumn('at', 'text', (c) => c.notNull())
        // in_person | paper_form | phone | email | online | pms | before_records
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
        .addColumn('note', 'text')
        .addColumn('recorded_at', 'text', (c) => c.notNull()),
    )
    run(schema.createIndex('guest_consent_by_guest').on('guest_consent').columns(['guest_id', 'kind', 'id']))
    for (const [kind, column] of [['marketing', 'consent_marketing'], ['sensitive', 'consent_sensitive']] as const) {
      run(`INSERT INTO guest_consent (guest_id, kind, given, at, method, staff_id, note, recorded_at)
        SELECT id, '${kind}', ${column}, updated_at, 'before_records', NULL, NULL, updated_at FROM guest WHERE ${column} IS NOT NULL`)
    }
  },
}
