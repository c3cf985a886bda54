import { Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { languages, saveLanguage, type Language } from '../i18n'

/** The language switch: in the header, and on the screens before sign-in (which have no header). */
export function LanguageSelect() {
  const { t, i18n } = useTranslation()
  return (
    <Select
      aria-label={t('nav.language')}
      data={languages.map((l) => ({ value: l.code, label: l.label }))}
      value={i18n.language}
      onChange={(v) => {
        if (!v) return
        saveLanguage(v as Language)
        void i18n.changeLanguage(v)
      }}
      allowDeselect={false}
      w={118}
      size="xs"
    />
  )
}
