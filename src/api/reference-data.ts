import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from './client'
import { pick } from '../i18n'

/** Departments and vocabulary change rarely: fetched once per session and shared. */
export function useDepartments() {
  return useQuery({ queryKey: ['departments'], queryFn: () => call('department.list', {}), staleTime: 5 * 60_000 })
}

export function useVocabulary() {
  const { i18n } = useTranslation()
  const query = useQuery({ queryKey: ['vocabulary'], queryFn: () => call('vocabulary.list', {}), staleTime: 5 * 60_000 })
  const labels = new Map<string, { en: string; zh: string }>()
  for (const e of query.data?.entries ?? []) labels.set(`${e.category}.${e.code}.${e.value}`, e.label)
  const label = (category: string, code = '', value = '') => {
    const found = labels.get(`${category}.${code}.${value}`)
    return found ? pick(found, i18n.language) : value || code || category
  }
  return { categoryOrder: query.data?.categoryOrder ?? [], label, ready: query.isSuccess }
}

export function useDepartmentName() {
  const { i18n } = useTranslation()
  const departments = useDepartments()
  return (code: string) => {
    const d = departments.data?.find((x) => x.code === code)
    return d ? pick(d.name, i18n.language) : code
  }
}
