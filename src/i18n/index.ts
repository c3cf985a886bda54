import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { messages } from './messages'
import { systemLocale } from '../api/client'

export const languages = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const
export type Language = (typeof languages)[number]['code']

const storageKey = 'zhike.language'

/** A saved choice wins; otherwise the system locale decides (any zh* → Simplified Chinese). */
export function initialLanguage(): Language {
  let saved: string | null = null
  try {
    saved = localStorage.getItem(storageKey)
  } catch {
    // Storage may be unavailable; the system locale still decides.
  }
  if (saved && languages.some((l) => l.code === saved)) return saved as Language
  return systemLocale().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export function saveLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language)
  } catch {
    // Not fatal: the choice lasts for this session.
  }
}

/** Text stored in both languages ({en, zh}) is picked by the UI language. */
export function pick(text: { en: string; zh: string }, language: string): string {
  return language.startsWith('zh') ? text.zh : text.en
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: messages.en }, 'zh-CN': { translation: messages['zh-CN'] } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
})

export default i18next
