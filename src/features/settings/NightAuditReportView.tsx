import { List, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { OutputOf } from '../../../electron/core/api'
import { useDepartmentName } from '../../api/reference-data'
import { useHotelTime } from '../../app/hotel-time'

export type NightAuditReport = OutputOf<'nightAudit.run'>
type StayLine = NightAuditReport['noShows'][number]

function StayLines({ title, lines, testId }: { title: string; lines: StayLine[]; testId: string }) {
  const { t, i18n } = useTranslation()
  const hotelTime = useHotelTime()
  const name = (l: StayLine) => (i18n.language.startsWith('zh') ? l.guestName.nativeName : l.guestName.romanName || l.guestName.nativeName)
  return (
    <Stack gap={4} data-testid={testId}>
      <Title order={4} size="h6">{`${title} (${lines.length})`}</Title>
      {lines.length === 0 ? <Text size="sm" c="dimmed">{t('settings.audit.none')}</Text> : null}
      <List size="sm" spacing={2}>
        {lines.map((l) => (
          <List.Item key={l.stayId}>
            {t('settings.audit.stayLine', { name: name(l), room: l.roomNumber ?? '—', arrival: hotelTime.date(l.arrival), departure: hotelTime.date(l.departure), confirmation: l.confirmationNo })}
          </List.Item>
        ))}
      </List>
    </Stack>
  )
}

/** What one night audit did: the date it closed, stays due out still in house, no-shows, prompts carried over. */
export function NightAuditReportView({ report }: { report: NightAuditReport }) {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const departmentName = useDepartmentName()
  const who = report.automatic
    ? report.lateMinutes
      ? t('settings.audit.automaticLate', { minutes: report.lateMinutes })
      : t('settings.audit.automatic')
    : t('settings.audit.byHand', { name: report.by ?? '—' })
  return (
    <Stack gap="xs" data-testid="night-audit-report">
      <Text fw={600}>
        {t('settings.audit.closed', { closed: hotelTime.date(report.businessDate), opened: hotelTime.date(report.newBusinessDate) })}
      </Text>
      <Text size="sm" c="dimmed">{`${hotelTime.when(report.runAt)} · ${who}`}</Text>
      <StayLines title={t('settings.audit.dueOut')} lines={report.dueOutNotCheckedOut} testId="audit-due-out" />
      <StayLines title={t(report.noShowsMarked ? 'settings.audit.noShowsMarked' : 'settings.audit.noShowsListed')} lines={report.noShows} testId="audit-no-shows" />
      <Stack gap={4}>
        <Title order={4} size="h6">{t('settings.audit.carried')}</Title>
        {report.promptsCarriedOver.length === 0 ? (
          <Text size="sm" c="dimmed">{t('settings.audit.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={280}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.audit.department')}</Table.Th>
                  <Table.Th>{t('settings.audit.open')}</Table.Th>
                  <Table.Th>{t('settings.audit.acknowledged')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.promptsCarriedOver.map((c) => (
                  <Table.Tr key={c.department}>
                    <Table.Td>{departmentName(c.department)}</Table.Td>
                    <Table.Td>{c.open}</Table.Td>
                    <Table.Td>{c.acknowledged}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Stack>
  )
}
