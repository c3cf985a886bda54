import { Alert, Loader, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { PhoneCountrySection } from '../settings/PhoneCountrySection'
import { DepartmentsSection } from './DepartmentsSection'
import { HotelNameSection } from './HotelNameSection'
import { LogoSection } from './LogoSection'
import { SetupChecklist } from './SetupChecklist'

/**
 * The manager's desk: Hotel & departments (issue 11). What a new hotel still needs (rooms,
 * departments, rules, staff), the hotel's name in both languages, its phone country (Settings'
 * own section, reused), the logo for printed cards, and the departments with their promises.
 */
export function HotelSetupPage() {
  const { t } = useTranslation()
  const profile = useQuery({ queryKey: ['hotel-profile'], queryFn: () => call('hotel.profile', {}) })
  return (
    <Stack gap="md" maw={960}>
      <div>
        <Title order={1} size="h2">{t('nav.hotel')}</Title>
        <Text size="sm" c="dimmed">{t('hotelSetup.intro')}</Text>
      </div>
      <SetupChecklist />
      {profile.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
      {profile.isError ? <Alert color="red" role="alert">{errorMessage(t, profile.error)}</Alert> : null}
      {profile.data ? (
        <>
          <HotelNameSection name={profile.data.name} />
          <LogoSection logo={profile.data.logo} />
        </>
      ) : null}
      <PhoneCountrySection />
      <DepartmentsSection />
    </Stack>
  )
}
