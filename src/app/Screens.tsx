import { useQuery } from '@tanstack/react-query'
import { call } from '../api/client'
import { Shell } from '../components/Shell'
import { BoardPage } from '../features/board/BoardPage'
import { CapturePage } from '../features/observations/CapturePage'
import { EscalationAlerts } from '../features/promises/EscalationAlerts'
import { useRoute } from './hash-route'
import { LazyScreen, ScreenLoading } from './LazyScreen'
import {
  ArrivalQueuePage,
  AuditLogPage,
  BackupsPage,
  CheckInPage,
  DashboardPage,
  DataTransferPage,
  GuestListsPage,
  HotelSetupPage,
  PrintPage,
  PrivacyPage,
  RoomSetupPage,
  DeclinedPage,
  EscalationsPage,
  DuplicatesPage,
  FirstStartPage,
  GuestProfilePage,
  InboxPage,
  PmsImportPage,
  PreassignPage,
  PromiseReportPage,
  RecoveryReportPage,
  SatisfactionImportPage,
  RulesPage,
  SettingsPage,
  SignInPage,
  StaffPage,
  ForcedPinChangePage,
  RecoveryPage,
} from './lazy-pages'
import { useSession } from './session'
import { deskRoles, pagesFor, type PageKey } from './pages'

export function Screens() {
  const route = useRoute()
  const { staff, loading } = useSession()
  const setup = useQuery({ queryKey: ['setup'], queryFn: () => call('setup.status', {}) })

  if (loading || setup.isLoading) return <ScreenLoading fullPage />
  if (setup.data?.needsSetup) {
    return (
      <LazyScreen fullPage>
        <FirstStartPage demoAvailable={setup.data.demoAvailable} claim={setup.data.claim} />
      </LazyScreen>
    )
  }
  if (!staff) {
    return (
      <LazyScreen fullPage>
        <SignInPage hotelName={setup.data?.hotelName ?? null} demo={setup.data?.demo ?? false} />
      </LazyScreen>
    )
  }

  // Signed in with a temporary PIN (an administrator reset it): choose a new one first; core refuses the rest.
  if (staff.mustChangePin) {
    return (
      <LazyScreen fullPage>
        <ForcedPinChangePage />
      </LazyScreen>
    )
  }

  const allowed = pagesFor(staff.role)
  const asked = route[0] as PageKey | undefined
  const page: PageKey = asked && allowed.includes(asked) ? asked : deskRoles.includes(staff.role) ? 'checkin' : 'board'
  // Printed cards and the briefing pack are pages of their own: no menu, no header, A4.
  if (page === 'print') {
    return (
      <LazyScreen fullPage>
        <PrintPage what={route[1]} id={route[2]} />
      </LazyScreen>
    )
  }
  return (
    <Shell hotelName={setup.data?.hotelName ?? null} active={page}>
      <EscalationAlerts />
      <LazyScreen key={page}>
        {page === 'checkin' ? <CheckInPage /> : null}
        {page === 'board' ? <BoardPage department={route[1]} /> : null}
        {page === 'guest' ? <GuestProfilePage guestId={Number(route[1])} /> : null}
        {page === 'observe' ? <CapturePage /> : null}
        {page === 'preassign' ? <PreassignPage /> : null}
        {page === 'inbox' ? <InboxPage /> : null}
        {page === 'arrivals' ? <ArrivalQueuePage /> : null}
        {page === 'duplicates' ? <DuplicatesPage /> : null}
        {page === 'pms' ? <PmsImportPage /> : null}
        {page === 'settings' ? <SettingsPage /> : null}
        {page === 'reports' ? <PromiseReportPage /> : null}
        {page === 'recoveryReport' ? <RecoveryReportPage /> : null}
        {page === 'satisfaction' ? <SatisfactionImportPage /> : null}
        {page === 'rules' ? <RulesPage /> : null}
        {page === 'escalations' ? <EscalationsPage /> : null}
        {page === 'declined' ? <DeclinedPage /> : null}
        {page === 'dashboard' ? <DashboardPage /> : null}
        {page === 'rooms' ? <RoomSetupPage /> : null}
        {page === 'hotel' ? <HotelSetupPage /> : null}
        {page === 'lists' ? <GuestListsPage /> : null}
        {page === 'data' ? <DataTransferPage /> : null}
        {page === 'backups' ? <BackupsPage /> : null}
        {page === 'privacy' ? <PrivacyPage /> : null}
        {page === 'audit' ? <AuditLogPage /> : null}
        {page === 'staff' ? <StaffPage /> : null}
        {page === 'recovery' ? <RecoveryPage caseId={route[1]} /> : null}
      </LazyScreen>
    </Shell>
  )
}
