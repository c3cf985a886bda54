import { useTranslation } from 'react-i18next'
import { useVocabulary } from '../../api/reference-data'
import { useDateTime } from './when'
import { useHotelTime } from '../../app/hotel-time'

const yesNo = new Set(['restricted', 'consent_marketing', 'consent_sensitive', 'active'])

/** Turns a stored history value ("1", "amenity.pillow=buckwheat", "zh,en") into words in the UI language. */
export function useHistoryValue() {
  const { t } = useTranslation()
  const vocabulary = useVocabulary()
  const dateTime = useDateTime()
  const { date } = useHotelTime()
  const preference = (stored: string) => {
    const match = /^([^.]+)\.([^=]+)=(.*)$/.exec(stored)
    if (!match) return stored
    const [, category, code, value] = match
    return t('preference.pair', { what: vocabulary.label(category, code), value: vocabulary.label(category, code, value) })
  }
  const value = (field: string | null, stored: string | null, action: string): string => {
    if (stored === null || stored === '') return t('history.empty')
    if (action === 'preference.add' || (action === 'undo' && field === 'active' && stored.includes('='))) return preference(stored)
    if (field && yesNo.has(field)) return stored === '1' ? t('history.yes') : stored === '0' ? t('history.no') : stored
    switch (field) {
      case 'strength':
        return t(`strength.${stored}`, { defaultValue: stored })
      case 'scope':
        return stored === 'stay' ? t('card.thisStay') : t('preference.always')
      case 'document_type':
        return t(`privacy.documentType.${stored}`, { defaultValue: stored })
      case 'salutation':
        return t(`salutation.${stored}`, { defaultValue: stored })
      case 'gender':
        return t(`profile.gender.${stored}`, { defaultValue: stored })
      case 'vip':
        return t(`profile.vipLevel.${stored}`, { defaultValue: stored })
      case 'languages':
        return stored.split(',').map((l) => vocabulary.label('service', 'language', l)).join(', ')
      case 'last_confirmed_at':
        return dateTime(stored)
      case 'birth_date':
        return date(stored)
      case 'merged_guest':
        return t('history.profileNumber', { id: stored })
      default:
        return stored
    }
  }
  return { value, preference }
}
