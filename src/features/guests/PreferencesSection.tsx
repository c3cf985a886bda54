import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { contrast } from '../board/contrast'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GuestCard, PreferenceView } from '../../../electron/core/guests/guest.card'
import { call } from '../../api/client'
import { useVocabulary } from '../../api/reference-data'
import { useSession } from '../../app/session'
import { PreferenceDialog } from './PreferenceDialog'
import { PreferenceItem } from './PreferenceItem'
import { VocabularyDialog } from './VocabularyDialog'

/** Preferences by category, in the vocabulary's order, each with its provenance and actions. */
export function PreferencesSection({ card }: { card: GuestCard }) {
  const { t } = useTranslation()
  const { staff } = useSession()
  const vocabulary = useVocabulary()
  const [dialog, setDialog] = useState<{ editing: PreferenceView | null } | null>(null)
  const [vocabularyOpen, setVocabularyOpen] = useState(false)
  const guestId = card.guest.id
  const observations = useQuery({ queryKey: ['observations', guestId], queryFn: () => call('observation.ofGuest', { guestId }) })
  const observationText = new Map((observations.data ?? []).map((o) => [o.id, o.text]))
  const all = [...card.alerts, ...card.preferences]
  const order = [...vocabulary.categoryOrder, ...new Set(all.map((p) => p.category).filter((c) => !vocabulary.categoryOrder.includes(c)))]
  const groups = order.map((category) => ({ category, items: all.filter((p) => p.category === category) })).filter((g) => g.items.length > 0)
  const canTeach = staff?.role === 'manager' || staff?.role === 'admin'

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="preferences-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="preferences-title">{t('profile.preferences', { count: all.length })}</Title>
          <Group gap="xs">
            {canTeach ? <Button variant="default" size="xs" onClick={() => setVocabularyOpen(true)}>{t('vocabulary.open')}</Button> : null}
            <Button size="xs" onClick={() => setDialog({ editing: null })}>{t('preference.addButton')}</Button>
          </Group>
        </Group>
        {card.guest.consentSensitive !== true ? <Text size="sm" c={contrast.warning} data-testid="sensitive-rule">{t('privacy.sensitiveRule')}</Text> : null}
        {groups.length === 0 ? <Text c="dimmed" size="sm">{t('card.noPreferences')}</Text> : null}
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {groups.map((g) => (
            <section key={g.category} aria-labelledby={`category-${g.category}`} data-testid={`profile-prefs-${g.category}`}>
              <Title order={3} size="h6" mb={6} id={`category-${g.category}`}>{vocabulary.label(g.category)}</Title>
              <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
                {g.items.map((p) => (
                  <li key={p.id}>
                    <PreferenceItem guestId={guestId} preference={p} observation={p.sourceObservationId ? observationText.get(p.sourceObservationId) : undefined} onEdit={() => setDialog({ editing: p })} />
                  </li>
                ))}
              </Stack>
            </section>
          ))}
        </SimpleGrid>
      </Stack>
      {dialog ? <PreferenceDialog guestId={guestId} stays={card.stays} editing={dialog.editing} onClose={() => setDialog(null)} /> : null}
      {canTeach ? <VocabularyDialog opened={vocabularyOpen} onClose={() => setVocabularyOpen(false)} /> : null}
    </Paper>
  )
}
