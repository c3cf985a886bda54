import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldName } from '../../../electron/core/pms/report-mapping'
import { listPresets } from './pms-api'
import { pick } from '../../i18n'
import type { Mapping } from './pms-api'
import { screenFields } from './report-fields'

interface MappingEditorProps {
  mapping: Mapping
  headers: string[]
  /** saved | suggested | given: where the mapping shown came from. */
  source: string
  /** The preset core found closest to the file's headers. */
  suggestedPreset: string | null
  saving: boolean
  onChange: (mapping: Mapping) => void
  onPreset: (presetId: string) => void
  onSave: () => void
}

/** For each field Zhike reads, the report's column (required fields marked), the date order and the PMS presets. */
export function MappingEditor({ mapping, headers, source, suggestedPreset, saving, onChange, onPreset, onSave }: MappingEditorProps) {
  const { t, i18n } = useTranslation()
  const presets = useQuery({ queryKey: ['pms-presets'], queryFn: () => listPresets(), staleTime: Infinity })
  // The preset picked here; until then, the one the suggested columns came from shows as chosen.
  const [chosenPreset, setChosenPreset] = useState<string | null>(null)
  const presetShown = chosenPreset ?? (source === 'suggested' ? suggestedPreset : null)
  const presetOptions = (presets.data ?? [])
    .filter((p) => p.kinds.includes(mapping.kind))
    .map((p) => ({ value: p.id, label: p.id === suggestedPreset ? t('pms.mapping.presetSuggested', { name: pick(p.name, i18n.language) }) : pick(p.name, i18n.language) }))
  const columns = headers.filter((h) => h !== '')
  const setColumn = (field: FieldName, header: string | null) => {
    const next = { ...mapping.columns }
    if (header) next[field] = header
    else delete next[field]
    onChange({ ...mapping, columns: next })
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pms-mapping-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="pms-mapping-title">{t('pms.mapping.title')}</Title>
        <Text size="sm" c="dimmed">{t('pms.mapping.intro')}</Text>
        <Text size="sm" data-testid="pms-mapping-source">{t(`pms.mapping.source.${source}`, { defaultValue: '' })}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('pms.mapping.preset')}
            description={t('pms.mapping.presetHint')}
            data={presetOptions}
            value={presetOptions.some((o) => o.value === presetShown) ? presetShown : null}
            onChange={(id) => {
              if (!id) return
              setChosenPreset(id)
              onPreset(id)
            }}
            allowDeselect={false}
            data-testid="pms-preset"
          />
          <Select
            label={t('pms.mapping.dateOrder')}
            data={(['ymd', 'dmy', 'mdy'] as const).map((o) => ({ value: o, label: t(`pms.mapping.dateOrders.${o}`) }))}
            value={mapping.dateOrder}
            onChange={(o) => o && onChange({ ...mapping, dateOrder: o as Mapping['dateOrder'] })}
            allowDeselect={false}
            data-testid="pms-date-order"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="pms-columns">
          {screenFields(mapping.kind).map(({ name, required }) => {
            const value = mapping.columns[name] ?? null
            // A saved mapping may name a column this export lacks: it stays visible so the problem is seen.
            const missing = value !== null && !columns.includes(value)
            const data = [...columns.map((h) => ({ value: h, label: h })), ...(missing ? [{ value, label: `${value} (${t('pms.mapping.noColumn')})` }] : [])]
            return (
              <Select
                key={name}
                label={t(`pms.fields.${name}`)}
                required={required}
                data={data}
                value={value}
                onChange={(header) => setColumn(name, header)}
                placeholder={t('pms.mapping.noColumn')}
                clearable={!required}
                searchable
                error={missing ? t('pms.problems.unknown_column', { column: value }) : undefined}
                data-field={name}
              />
            )
          })}
        </SimpleGrid>
        <Group>
          <Button variant="default" onClick={onSave} loading={saving} data-testid="pms-save-mapping">
            {t('pms.mapping.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
