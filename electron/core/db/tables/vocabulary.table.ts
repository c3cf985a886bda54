import type { Selectable, Insertable } from 'kysely'

export interface VocabularyTable {
  category: string
  code: string
  /** Empty string for the label of the code itself; otherwise an enumerated value. */
  value: string
  label_en: string
  label_zh: string
  sort: number
}
export type VocabularyRow = Selectable<VocabularyTable>
export type NewVocabularyRow = Insertable<VocabularyTable>
