import { all, qb, run, type Sqlite } from '../db/query'
import type { VocabularyRow } from '../db/tables/vocabulary.table'
import { baseVocabulary } from './base-vocabulary'

export function ensureBaseVocabulary(sqlite: Sqlite): void {
  const insert = sqlite.transaction(() => {
    baseVocabulary.forEach(([category, code, value, en, zh], sort) => {
      const q = qb
        .insertInto('vocabulary')
        .values({ category, code, value, label_en: en, label_zh: zh, sort })
        .onConflict((oc) => oc.columns(['category', 'code', 'value']).doNothing()) // a manager's relabelling wins
        .compile()
      sqlite.prepare(q.sql).run(...(q.parameters as unknown[]))
    })
  })
  insert()
}

export function upsertVocabulary(sqlite: Sqlite, entry: { category: string; code: string; value: string; label: { en: string; zh: string } }): void {
  run(
    sqlite,
    qb
      .insertInto('vocabulary')
      .values({ category: entry.category, code: entry.code, value: entry.value, label_en: entry.label.en, label_zh: entry.label.zh, sort: 10_000 })
      .onConflict((oc) => oc.columns(['category', 'code', 'value']).doUpdateSet({ label_en: entry.label.en, label_zh: entry.label.zh })),
  )
}

export function listVocabulary(sqlite: Sqlite): VocabularyRow[] {
  return all(sqlite, qb.selectFrom('vocabulary').selectAll().orderBy('sort'))
}

/** A fast lookup of value labels, for rendering prompt text. */
export class VocabularyLabels {
  private labels = new Map<string, { en: string; zh: string }>()
  constructor(rows: readonly VocabularyRow[]) {
    for (const row of rows) this.labels.set(`${row.category}.${row.code}.${row.value}`, { en: row.label_en, zh: row.label_zh })
  }
  value(category: string, code: string, value: string, lang: 'en' | 'zh'): string {
    return this.labels.get(`${category}.${code}.${value}`)?.[lang] ?? value
  }
}
