import { Alert, Anchor, Badge, Group, List, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { PreferenceView } from '../../../electron/core/guests/guest.card'
import { call } from '../../api/client'
import { useVocabulary } from '../../api/reference-data'
import { StrengthBadge } from '../guests/StrengthBadge'
import { errorMessage } from '../../app/errors'
import { GuestAlerts } from '../../components/GuestAlerts'
import { GuestName } from '../../components/guest-name'
import { nationalityName } from './nationality'
import { useHotelTime } from '../../app/hotel-time'

export function usePreferenceText() {
  const { t } = useTranslation()
  const { label } = useVocabulary()
  return (p: Pick<PreferenceView, 'category' | 'code' | 'value'>) => t('preference.pair', { what: label(p.category, p.code), value: label(p.category, p.code, p.value) })
}

/** The guest card at a glance: who, how often, alerts first, then preferences by category. */
export function GuestCardPanel({ guestId }: { guestId: number }) {
  const { t, i18n } = useTranslation()
  const { date } = useHotelTime()
  const vocabulary = useVocabulary()
  const text = usePreferenceText()
  const card = useQuery({ queryKey: ['card', guestId], queryFn: () => call('guest.card', { guestId }) })
  if (card.isLoading) return <Loader aria-label={t('app.loading')} />
  if (card.isError) return <Alert color="red" role="alert">{errorMessage(t, card.error)}</Alert>
  const { guest, stats, preferences } = card.data!
  const groups = vocabulary.categoryOrder
    .map((category) => ({ category, items: preferences.filter((p) => p.category === category) }))
    .filter((g) => g.items.length > 0)
  const others = preferences.filter((p) => !vocabulary.categoryOrder.includes(p.category))
  if (others.length) groups.push({ category: 'other', items: others })

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="guest-card-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id="guest-card-title">
              <GuestName guest={guest} size="xl" />
            </Title>
            <Text size="sm" c="dimmed">
              {[guest.occupation, guest.company, guest.homeCity, nationalityName(guest.nationality, i18n.language)].filter(Boolean).join(' · ')}
            </Text>
            <Anchor href={`#/guest/${guest.id}`} size="sm" fw={600} data-testid="open-profile">{t('profile.open')} →</Anchor>
          </div>
          <Group gap={6}>
            {guest.vip > 0 ? <Badge color="yellow" c="dark" variant="filled">VIP {guest.vip}</Badge> : null}
            <Badge variant="outline" data-testid="stay-count">{t('card.stays', { count: stats.stays })}</Badge>
          </Group>
        </Group>
        <GuestAlerts card={card.data!} testId="guest-alerts" />
        <Text size="sm">
          {stats.stays > 0
            ? t('card.history', { stays: t('card.stays', { count: stats.stays }), nights: t('checkin.nights', { count: stats.nights }), first: stats.firstStay ? date(stats.firstStay) : '', last: stats.lastStay ? date(stats.lastStay) : '' })
            : t('card.firstVisit')}
        </Text>
        {groups.length === 0 ? <Text c="dimmed" size="sm">{t('card.noPreferences')}</Text> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {groups.map((g) => (
            <div key={g.category} data-testid={`prefs-${g.category}`}>
              <Title order={3} size="h6" mb={4}>
                {g.category === 'other' ? t('card.other') : vocabulary.label(g.category)}
              </Title>
              <List size="sm" spacing={2}>
                {g.items.map((p) => (
                  <List.Item key={p.id}>
                    {text(p)}{' '}
                    <StrengthBadge strength={p.strength} size="xs" />
                    {p.scope === 'stay' ? <Badge size="xs" variant="outline" ml={4}>{t('card.thisStay')}</Badge> : null}
                    {p.stale ? <Badge size="xs" variant="filled" color="orange.3" c="dark.9" ml={4}>{t('preference.stale')}</Badge> : null}
                    {p.note ? <Text size="xs" c="dimmed">{p.note}</Text> : null}
                  </List.Item>
                ))}
              </List>
            </div>
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {[guest.phone, guest.email, guest.languages.map((l) => vocabulary.label('service', 'language', l)).join(', ')].filter(Boolean).join(' · ')}
        </Text>
      </Stack>
    </Paper>
  )
}
