import { baseVocabulary } from '../vocabulary/base-vocabulary'
import type { VocabularyPreference } from './ota-codes'

const codeLabels = new Map<string, string>()
const valueLabels = new Map<string, string>()
const byText = new Map<string, VocabularyPreference>()

for (const [category, code, value, en, zh] of baseVocabulary) {
  if (code && !value) codeLabels.set(`${category}.${code}`, en)
  if (code && value) valueLabels.set(`${category}.${code}.${value}`, en)
  void zh
}
for (const [category, code, value, en, zh] of baseVocabulary) {
  if (!code || !value) continue
  const codeEn = codeLabels.get(`${category}.${code}`) ?? code
  const codeZh = baseVocabulary.find((row) => row[0] === category && row[1] === code && row[2] === '')?.[4] ?? code
  for (const text of [`${codeEn}: ${en}`, `${codeZh}：${zh}`, `${codeZh}: ${zh}`]) byText.set(text.toLowerCase(), { category, code, value })
}

/**
 * How a preference without an OpenTravel code is written in free text (`PersonalSrvcPref`):
 * "Pillow: Buckwheat", "Favourite dish: 小笼包", in English labels from the base vocabulary.
 */
export function preferenceText(p: VocabularyPreference): string {
  const code = codeLabels.get(`${p.category}.${p.code}`) ?? `${p.category}.${p.code}`
  const value = valueLabels.get(`${p.category}.${p.code}.${p.value}`) ?? p.value
  return `${code}: ${value}`
}

/** The preference a free text written by `preferenceText` (in English or Chinese labels) stands for, if any. */
export function preferenceFromText(text: string): VocabularyPreference | null {
  const exact = byText.get(text.trim().toLowerCase())
  if (exact) return exact
  const match = /^(.{1,40}?)\s*[:：]\s*(.{1,200})$/.exec(text.trim())
  if (!match) return null
  // A code with free values (favourite dish, lucky number, address as): "Favourite dish: 小笼包".
  for (const [key, label] of codeLabels) {
    if (label.toLowerCase() !== match[1].toLowerCase()) continue
    const [category, code] = key.split('.')
    if (baseVocabulary.some((row) => row[0] === category && row[1] === code && row[2] !== '')) continue
    return { category, code, value: match[2].trim() }
  }
  return null
}
