import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useDepartmentName, useVocabulary } from '../../api/reference-data'
import { useHotelTime } from '../../app/hotel-time'
import { pick } from '../../i18n'
import { contrast } from '../board/contrast'
import type { RulePreview } from './rule-types'
import { withRoomWords } from './rule-status'

/** Who the rule would fire for among today's arrivals and in-house guests, with the text each would get. */
export function RulePreviewResults({ preview, stale, template }: { preview: RulePreview; stale: boolean; template: { en: string; zh: string } }) {
  const { t, i18n } = useTranslation()
  const { label } = useVocabulary()
  const departmentName = useDepartmentName()
  const hotelTime = useHotelTime()
  const guestName = (g: RulePreview['matches'][number]['guest']) =>
    (i18n.language.startsWith('zh') ? g.nativeName || g.romanName : g.romanName || g.nativeName) ?? '—'
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="rule-preview-title" data-testid="rule-preview">
      <Stack gap="xs">
        <Title order={3} size="h4" id="rule-preview-title">{t('rules.preview.title')}</Title>
        <Text size="sm" role="status">
          {preview.matches.length === 0
            ? t('rules.preview.none', { count: preview.checked })
            : t('rules.preview.checked', { count: preview.checked, matches: preview.total ?? preview.matches.length })}
        </Text>
        {stale ? <Text size="sm" c={contrast.warning}>{t('rules.preview.stale')}</Text> : null}
        {preview.matches.length > 0 ? (
          <List spacing="xs" listStyleType="none" p={0}>
            {preview.matches.map((m) => (
              <List.Item key={`${m.stayId}-${m.reason?.code ?? ''}-${m.reason?.value ?? ''}`}>
                <Stack gap={2}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={600}>{guestName(m.guest)}</Text>
                    <Text size="sm">{m.roomNumber ?? t('rules.preview.noRoom')}</Text>
                    <Badge variant="filled" color={m.status === 'in_house' ? 'teal.9' : 'indigo.8'}>{t(`rules.preview.${m.status}`)}</Badge>
                    <Text size="sm" c="dimmed">{departmentName(m.department)}</Text>
                  </Group>
                  <Text size="sm">{withRoomWords(pick(m.text, i18n.language), pick(template, i18n.language), m.roomNumber, t('rules.preview.noRoomInText'))}</Text>
                  <Group gap="md" wrap="wrap">
                    {m.reason ? (
                      <Text size="xs" c="dimmed">
                        {t('rules.preview.because', {
                          reason: `${label(m.reason.category, m.reason.code)}${m.reason.value ? `: ${label(m.reason.category, m.reason.code, m.reason.value)}` : ''} (${t(`rules.strength.${m.reason.strength}`, { defaultValue: m.reason.strength })})`,
                        })}
                      </Text>
                    ) : null}
                    {m.firesAt ? <Text size="xs" c="dimmed" data-testid="preview-fires-at">{t('rules.preview.firesAt', { when: hotelTime.when(m.firesAt) })}</Text> : null}
                    {m.dueAt ? <Text size="xs" c="dimmed">{t('rules.preview.due', { when: hotelTime.when(m.dueAt) })}</Text> : null}
                  </Group>
                </Stack>
              </List.Item>
            ))}
          </List>
        ) : null}
      </Stack>
    </Paper>
  )
}
