import { Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../electron/core/staff/roles'
import { useSession } from '../../app/session'
import { HotelClockSection } from './HotelClockSection'
import { LockoutsSection } from './LockoutsSection'
import { NightAuditSection } from './NightAuditSection'
import { PhoneCountrySection } from './PhoneCountrySection'
import { CurrencySection } from './CurrencySection'
import { PromisesSection } from './PromisesSection'
import { TerminalsSection } from './TerminalsSection'

/** Roles granted 'hotel.write' in electron/core/staff/roles.ts (core checks it again). */
const hotelSettingRoles: readonly Role[] = ['manager', 'admin']

/**
 * Settings: the hotel's clock, the night audit, promises and escalation, the phone country
 * (managers and administrators); serving department
 * terminals and locked sign-ins (`system.admin`, the administrator's alone).
 */
export function SettingsPage() {
  const { t } = useTranslation()
  const role = useSession().staff?.role
  return (
    <Stack gap="md" maw={860}>
      <div>
        <Title order={1} size="h2">{t('settings.title')}</Title>
        <Text size="sm" c="dimmed">{t(role === 'admin' ? 'settings.introWithPhone' : 'settings.introManager')}</Text>
      </div>
      {role && hotelSettingRoles.includes(role) ? (
        <>
          <HotelClockSection />
          <NightAuditSection />
          <PromisesSection />
          <PhoneCountrySection />
          <CurrencySection />
        </>
      ) : null}
      {role === 'admin' ? (
        <>
          <TerminalsSection />
          <LockoutsSection />
        </>
      ) : null}
    </Stack>
  )
}
