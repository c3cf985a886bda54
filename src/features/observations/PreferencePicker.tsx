import { SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { scopes, strengths, type SuggestionDraft } from './suggestion'
import { useVocabularyTree } from '../../api/vocabulary-tree'

interface PreferencePickerProps {
  value: SuggestionDraft
  onChange: (next: SuggestionDraft) => void
  /** Show "required" errors on empty fields (after a first attempt to send). */
  showErrors?: boolean
  autoFocus?: boolean
}

/** Category → what → value from the hotel's vocabulary, then how strong and for how long. */
export function PreferencePicker({ value, onChange, showErrors = false, autoFocus = false }: PreferencePickerProps) {
  const { t } = useTranslation()
  const id = useId()
  const tree = useVocabularyTree()
  const codes = value.category ? tree.codesOf(value.category) : []
  const known = value.category && value.code ? tree.valuesOf(value.category, value.code) : []
  // A value outside the vocabulary (typed earlier, or added since) stays choosable.
  const values = value.value && known.length > 0 && !known.some((v) => v.value === value.value) ? [...known, { value: value.value, label: value.value }] : known
  const missing = (field: string) => (showErrors && !field.trim() ? t('observe.required') : undefined)
  const set = (patch: Partial<SuggestionDraft>) => onChange({ ...value, ...patch })

  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
        <Select
          label={t('observe.category')}
          placeholder={t('observe.choose')}
          data={tree.categories}
          value={value.category || null}
          onChange={(v) => set({ category: v ?? '', code: '', value: '' })}
          searchable
          openOnFocus={false}
          required
          error={missing(value.category)}
          data-autofocus={autoFocus || undefined}
        />
        <Select
          label={t('observe.code')}
          placeholder={t('observe.choose')}
          data={codes}
          value={value.code || null}
          onChange={(v) => set({ code: v ?? '', value: '' })}
          searchable
          openOnFocus={false}
          required
          disabled={!value.category}
          error={missing(value.code)}
        />
        {values.length > 0 ? (
          <Select label={t('observe.value')} placeholder={t('observe.choose')} data={values} value={value.value || null} onChange={(v) => set({ value: v ?? '' })} searchable openOnFocus={false} required error={missing(value.value)} />
        ) : (
          <TextInput label={t('observe.value')} description={t('observe.valueHint')} value={value.value} onChange={(e) => set({ value: e.currentTarget.value })} required disabled={!value.code} error={missing(value.value)} />
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <div>
          <Text component="div" size="sm" fw={500} id={`${id}-strength`} mb={4}>{t('observe.strength')}</Text>
          <SegmentedControl
            aria-labelledby={`${id}-strength`}
            fullWidth
            size="xs"
            data={strengths.map((s) => ({ value: s, label: t(`strength.${s}`) }))}
            value={value.strength}
            onChange={(v) => set({ strength: v as SuggestionDraft['strength'] })}
          />
        </div>
        <div>
          <Text component="div" size="sm" fw={500} id={`${id}-scope`} mb={4}>{t('observe.scopeLabel')}</Text>
          <SegmentedControl
            aria-labelledby={`${id}-scope`}
            fullWidth
            size="xs"
            data={scopes.map((s) => ({ value: s, label: t(`observe.scope.${s}`) }))}
            value={value.scope}
            onChange={(v) => set({ scope: v as SuggestionDraft['scope'] })}
          />
        </div>
      </SimpleGrid>
    </Stack>
  )
}
