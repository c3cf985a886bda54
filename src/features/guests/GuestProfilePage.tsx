import { Alert, Anchor, Grid, Loader, Paper, Stack, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { GuestDetailsForm } from './GuestDetailsForm'
import { HistorySection } from './HistorySection'
import { ConsentPanel } from './ConsentPanel'
import { OtaActions } from './OtaActions'
import { AnonymisedGuestNotice, GuestPrivacyActions } from '../privacy/GuestPrivacyActions'
import { PreferencesSection } from './PreferencesSection'
import { ProfileHeader } from './ProfileHeader'
import { StaysSection } from './StaysSection'
import { GuestRecoverySection } from '../recovery/GuestRecoverySection'

/** The full guest profile (#/guest/<id>): alerts first, preferences, stays, details and history. */
export function GuestProfilePage({ guestId }: { guestId: number }) {
  const { t } = useTranslation()
  const valid = Number.isInteger(guestId) && guestId > 0
  const card = useQuery({ queryKey: ['card', guestId], queryFn: () => call('guest.card', { guestId }), enabled: valid })

  if (!valid || card.isError) {
    return (
      <Stack gap="sm">
        <Title order={1} size="h2">{t('nav.guest')}</Title>
        <Alert color="red" role="alert">{valid ? errorMessage(t, card.error) : t('profile.noGuest')}</Alert>
        <Anchor href="#/checkin">{t('profile.back')}</Anchor>
      </Stack>
    )
  }
  if (!card.data) return <Loader aria-label={t('app.loading')} />
  return (
    <Stack gap="md">
      <ProfileHeader card={card.data} />
      <AnonymisedGuestNotice guestId={guestId} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <PreferencesSection card={card.data} />
            <StaysSection card={card.data} />
            <GuestRecoverySection card={card.data} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Paper withBorder p="md" component="section" aria-labelledby="details-title">
              <GuestDetailsForm guest={card.data.guest} />
            </Paper>
            <ConsentPanel guest={card.data.guest} />
            <HistorySection guestId={guestId} />
            <OtaActions guestId={guestId} />
            <GuestPrivacyActions guestId={guestId} guestName={card.data.guest.nativeName} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
