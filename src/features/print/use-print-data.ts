import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useDepartmentName, useDepartments, useVocabulary } from '../../api/reference-data'
import { formatHotelDate, formatHotelDateTime, formatHotelDay, useHotelClock } from '../../app/hotel-time'
import type { PrintWords } from './PrintedCard'

/** The font the print view is set in; shipped with the renderer (@fontsource/noto-sans-sc). */
export const printFont = 'Noto Sans SC'

export interface PrintHotel {
  name: { en: string; zh: string }
  logo: { mime: string; base64: string } | null
}

type Loaded<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; error: unknown }

/**
 * Calls an audited print operation once per `key`. Not a cached query on purpose: the live event
 * stream invalidates queries, and every refetch would be another print in the audit log.
 */
export function usePrintCall<T>(key: string, fetch: () => Promise<T>): Loaded<T> {
  const [result, setResult] = useState<{ key: string; loaded: Loaded<T> }>({ key, loaded: { state: 'loading' } })
  const started = useRef<string | null>(null)
  useEffect(() => {
    if (started.current === key) return // React's development double effect: still one print
    started.current = key
    setResult({ key, loaded: { state: 'loading' } })
    fetch().then(
      (value) => setResult((r) => (started.current === key ? { key, loaded: { state: 'done', value } } : r)),
      (error: unknown) => setResult((r) => (started.current === key ? { key, loaded: { state: 'failed', error } } : r)),
    )
  }, [key]) // fetch is a new closure each render; the key says what it fetches
  return result.key === key ? result.loaded : { state: 'loading' }
}

/** The hotel's name and logo for the card's header: hotel.profile, else the name setup.status knows. */
export function usePrintHotel(): { hotel: PrintHotel; settled: boolean } {
  const profile = useQuery({ queryKey: ['hotel-profile'], queryFn: () => call('hotel.profile', {}), retry: false, staleTime: 5 * 60_000 })
  const setup = useQuery({ queryKey: ['setup'], queryFn: () => call('setup.status', {}) })
  const fallback = setup.data?.hotelName ?? { en: '', zh: '' }
  const name = profile.data && (profile.data.name.en || profile.data.name.zh) ? profile.data.name : fallback
  return { hotel: { name, logo: profile.data?.logo ?? null }, settled: !profile.isPending && !setup.isPending }
}

/** Labels, department names and hotel-time formatters in the print language; `ready` once all are loaded. */
export function usePrintWords(): { words: PrintWords; ready: boolean } {
  const { t, i18n } = useTranslation()
  const vocabulary = useVocabulary()
  const departments = useDepartments()
  const departmentName = useDepartmentName()
  const clock = useHotelClock()
  const zone = clock.data?.timeZone
  const language = i18n.language
  return {
    ready: vocabulary.ready && !departments.isPending && !clock.isPending,
    words: {
      t: (key, options) => t(key, options ?? {}) as string,
      label: vocabulary.label,
      categoryOrder: vocabulary.categoryOrder,
      department: departmentName,
      day: (iso) => formatHotelDay(iso, language, zone),
      date: (date) => formatHotelDate(date, language),
      dateTime: (iso) => formatHotelDateTime(iso, language, zone),
    },
  }
}

export type PrintReadiness = 'loading' | 'ready' | 'error'

/**
 * Says when the page may be printed: its data is shown (`loaded`) and every glyph it uses has its
 * font file (Noto Sans SC is split by unicode-range, so only the files this text needs are
 * fetched; `document.fonts.load` with the page's own text fetches exactly those). Then
 * `data-print-ready="true"` on <html> (and the returned state); "error" when the data failed.
 * The desktop's printToPDF and the e2e test wait for it.
 */
export function usePrintReady(root: RefObject<HTMLElement | null>, loaded: boolean, failed: boolean, language: string): PrintReadiness {
  const [state, setState] = useState<PrintReadiness>('loading')
  useEffect(() => {
    if (failed) {
      setState('error')
      return
    }
    setState('loading')
    if (!loaded) return
    let cancelled = false
    void (async () => {
      const text = root.current?.textContent ?? ''
      try {
        await Promise.all([document.fonts.load(`400 16px "${printFont}"`, text), document.fonts.load(`700 16px "${printFont}"`, text)])
        await document.fonts.ready
      } catch {
        // A font that cannot load leaves the fallback; the page is still worth printing.
      }
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      if (!cancelled) setState('ready')
    })()
    return () => {
      cancelled = true
    }
  }, [loaded, failed, language, root])
  useEffect(() => {
    const html = document.documentElement
    html.dataset.printReady = state === 'ready' ? 'true' : state
    return () => {
      delete html.dataset.printReady
    }
  }, [state])
  return state
}
