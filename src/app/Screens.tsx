import { Center, Loader } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../api/client'
import { BoardPage } from '../features/board/BoardPage'
import { CheckInPage } from '../features/checkin/CheckInPage'
import { SignInPage } from '../features/session/SignInPage'
import { FirstStartPage } from '../features/setup/FirstStartPage'
import { Shell } from '../components/Shell'
import { useRoute } from './hash-route'
import { useSession } from './session'

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
  if (setup.data?.needsSetup) return <FirstStartPage demoAvailable={setup.data.demoAvailable} />
  if (!staff) return <SignInPage hotelName={setup.data?.hotelName ?? null} demo={setup.data?.demo ?? false} />

  const deskRoles = ['front_desk', 'manager', 'admin', 'guest_relations']
  const page = route[0] ?? (deskRoles.includes(staff.role) ? 'checkin' : 'board')
  return (
    <Shell hotelName={setup.data?.hotelName ?? null} active={page}>
      {page === 'board' ? <BoardPage department={route[1]} /> : deskRoles.includes(staff.role) ? <CheckInPage /> : <BoardPage department={route[1]} />}
    </Shell>
  )
}
