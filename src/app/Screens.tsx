import { Center, Loader } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../api/client'
import { BoardPage } from '../features/board/BoardPage'
import { CheckInPage } from '../features/checkin/CheckInPage'
import { DuplicatesPage } from '../features/guests/DuplicatesPage'
import { GuestProfilePage } from '../features/guests/GuestProfilePage'
import { CapturePage } from '../features/observations/CapturePage'
import { InboxPage } from '../features/observations/InboxPage'
import { SignInPage } from '../features/session/SignInPage'
import { SettingsPage } from '../features/settings/SettingsPage'
import { FirstStartPage } from '../features/setup/FirstStartPage'
import { Shell } from '../components/Shell'
import { useRoute } from './hash-route'
import { useSession } from './session'
import { deskRoles, pagesFor, type PageKey } from './pages'

export function Screens() {
  const { t } = useTranslation()
  const route = useRoute()
  const { staff, loading } = useSession()
  const setup = useQuery({ queryKey: ['setup'], queryFn: () => call('setup.status', {}) })

  if (loading || setup.isLoading) {
    return (
      <Center h="100vh" component="main">
        <Loader aria-label={t('app.loading')} />
      </Center>
    )
  }
  if (setup.data?.needsSetup) return <FirstStartPage demoAvailable={setup.data.demoAvailable} claim={setup.data.claim} />
  if (!staff) return <SignInPage hotelName={setup.data?.hotelName ?? null} demo={setup.data?.demo ?? false} />

  const allowed = pagesFor(staff.role)
  const asked = route[0] as PageKey | undefined
  const page: PageKey = asked && allowed.includes(asked) ? asked : deskRoles.includes(staff.role) ? 'checkin' : 'board'
  return (
    <Shell hotelName={setup.data?.hotelName ?? null} active={page}>
      {page === 'checkin' ? <CheckInPage /> : null}
      {page === 'board' ? <BoardPage department={route[1]} /> : null}
      {page === 'guest' ? <GuestProfilePage guestId={Number(route[1])} /> : null}
      {page === 'observe' ? <CapturePage /> : null}
      {page === 'inbox' ? <InboxPage /> : null}
      {page === 'duplicates' ? <DuplicatesPage /> : null}
      {page === 'settings' ? <SettingsPage /> : null}
    </Shell>
  )
}
