import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { pick } from '../../i18n'

export interface Choice {
  value: string
  label: string
}

/** The vocabulary as pickers need it: categories, the codes of a category, the values of a code. */
export function useVocabularyTree() {
  const { i18n } = useTranslation()
  // Same key and call as reference-data's useVocabulary, so both share one fetch.
  const query = useQuery({ queryKey: ['vocabulary'], queryFn: () => call('vocabulary.list', {}), staleTime: 5 * 60_000 })
  const entries = query.data?.entries ?? []
  const order = query.data?.categoryOrder ?? []
  const rank = (category: string) => (order.includes(category) ? order.indexOf(category) : order.length)
  const choice = (e: (typeof entries)[number], value: string): Choice => ({ value, label: pick(e.label, i18n.language) })
  return {
    ready: query.isSuccess,
    categories: entries
      .filter((e) => e.code === '' && e.value === '')
      .sort((a, b) => rank(a.category) - rank(b.category))
      .map((e) => choice(e, e.category)),
    codesOf: (category: string) => entries.filter((e) => e.category === category && e.code !== '' && e.value === '').map((e) => choice(e, e.code)),
    valuesOf: (category: string, code: string) =>
      entries.filter((e) => e.category === category && e.code === code && e.value !== '').map((e) => choice(e, e.value)),
  }
}
