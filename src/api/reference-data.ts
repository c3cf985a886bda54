import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from './client'
import { pick } from '../i18n'
import { departmentLabel, type DepartmentWording } from './department-labels'

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

/** How this screen words department names: an outlet reads "Food & Beverage › Chinese Restaurant". */
export function useDepartmentWording(): DepartmentWording {
  const { t, i18n } = useTranslation()
  return { name: (text) => pick(text, i18n.language), join: (department, outlet) => t('outlets.label', { department, outlet }) }
}

export function useDepartmentName() {
  const departments = useDepartments()
  const wording = useDepartmentWording()
  return (code: string) => departmentLabel(departments.data ?? [], code, wording)
}
