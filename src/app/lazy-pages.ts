import { lazy } from 'react'

// Each screen but the board is a chunk of its own, fetched when first shown: a department board on
// a phone never downloads check-in, guest profiles or settings. The board itself is in the first
// chunk: it is what every terminal opens, and fetching it only after the session answered cost a
// round trip before its first paint (npm run bench). So is the observation page, whose form is the
// board's report form.
export const CheckInPage = lazy(() => import('../features/checkin/CheckInPage').then((m) => ({ default: m.CheckInPage })))
export const PreassignPage = lazy(() => import('../features/preassign/PreassignPage').then((m) => ({ default: m.PreassignPage })))
export const ArrivalQueuePage = lazy(() => import('../features/arrivals/ArrivalQueuePage').then((m) => ({ default: m.ArrivalQueuePage })))
export const GuestProfilePage = lazy(() => import('../features/guests/GuestProfilePage').then((m) => ({ default: m.GuestProfilePage })))
export const DuplicatesPage = lazy(() => import('../features/guests/DuplicatesPage').then((m) => ({ default: m.DuplicatesPage })))
export const InboxPage = lazy(() => import('../features/observations/InboxPage').then((m) => ({ default: m.InboxPage })))
export const PmsImportPage = lazy(() => import('../features/pms/PmsImportPage').then((m) => ({ default: m.PmsImportPage })))
export const PromiseReportPage = lazy(() => import('../features/reports/PromiseReportPage').then((m) => ({ default: m.PromiseReportPage })))
export const EscalationsPage = lazy(() => import('../features/promises/EscalationsPage').then((m) => ({ default: m.EscalationsPage })))
export const DeclinedPage = lazy(() => import('../features/promises/DeclinedPage').then((m) => ({ default: m.DeclinedPage })))
export const RulesPage = lazy(() => import('../features/rules/RulesPage').then((m) => ({ default: m.RulesPage })))
export const SettingsPage = lazy(() => import('../features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })))
export const SignInPage = lazy(() => import('../features/session/SignInPage').then((m) => ({ default: m.SignInPage })))
export const FirstStartPage = lazy(() => import('../features/setup/FirstStartPage').then((m) => ({ default: m.FirstStartPage })))
export const RoomSetupPage = lazy(() => import('../features/room-setup/RoomSetupPage').then((m) => ({ default: m.RoomSetupPage })))
export const HotelSetupPage = lazy(() => import('../features/hotel-setup/HotelSetupPage').then((m) => ({ default: m.HotelSetupPage })))
export const GuestListsPage = lazy(() => import('../features/guest-lists/GuestListsPage').then((m) => ({ default: m.GuestListsPage })))
export const DataTransferPage = lazy(() => import('../features/transfer/DataTransferPage').then((m) => ({ default: m.DataTransferPage })))
export const BackupsPage = lazy(() => import('../features/backups/BackupsPage').then((m) => ({ default: m.BackupsPage })))
export const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })))
export const StaffPage = lazy(() => import('../features/staff/StaffPage').then((m) => ({ default: m.StaffPage })))
export const ForcedPinChangePage = lazy(() => import('../features/session/ForcedPinChangePage').then((m) => ({ default: m.ForcedPinChangePage })))
export const AuditLogPage = lazy(() => import('../features/audit/AuditLogPage').then((m) => ({ default: m.AuditLogPage })))
export const PrivacyPage = lazy(() => import('../features/privacy/PrivacyPage').then((m) => ({ default: m.PrivacyPage })))
export const RecoveryPage = lazy(() => import('../features/recovery/RecoveryPage').then((m) => ({ default: m.RecoveryPage })))
export const RecoveryReportPage = lazy(() => import('../features/reports/RecoveryReportPage').then((m) => ({ default: m.RecoveryReportPage })))
export const SatisfactionImportPage = lazy(() => import('../features/satisfaction-import/SatisfactionImportPage').then((m) => ({ default: m.SatisfactionImportPage })))
export const PrintPage = lazy(() => import('../features/print/PrintPage').then((m) => ({ default: m.PrintPage })))
