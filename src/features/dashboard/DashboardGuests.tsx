import { BarChart } from '@mantine/charts'
import { Anchor, Badge, Group, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useVocabulary } from '../../api/reference-data'
import { GuestName } from '../../components/guest-name'
import { formatHotelDay, formatHotelMoment } from '../reports/report-view'
import { ScrollTable } from '../reports/ScrollTable'
import { type Dashboard } from './dashboard-view'
import { DashboardCard, TableAlternative } from './DashboardSections'

type Props = { dashboard: Dashboard; language: string }

const vipColors = ['gray.6', 'blue.7', 'grape.7', 'orange.8']

/** Arrivals of the business date and the six days after: per day by VIP level (stacked), with alerts; and who arrives with an alert. */
export function ArrivalsSection({ dashboard, language }: Props) {
  const { t } = useTranslation()
  const { label } = useVocabulary()
  const arrivals = dashboard.arrivals
  const series = [0, 1, 2, 3].map((v) => ({ name: `vip${v}`, label: t(`dashboard.vip.${v}`), color: vipColors[v] }))
  const rows = arrivals.byDay.map((d) => ({ day: formatHotelDay(d.date, language, 'short'), vip0: d.vip[0], vip1: d.vip[1], vip2: d.vip[2], vip3: d.vip[3] }))
  return (
    <DashboardCard
      id="dashboard-arrivals"
      title={t('dashboard.arrivals.title', { from: formatHotelDay(arrivals.from, language), to: formatHotelDay(arrivals.to, language) })}
      help={t('dashboard.arrivals.help')}
    >
      {arrivals.total === 0 ? (
        <Text size="sm" data-testid="arrivals-empty">{t('dashboard.arrivals.empty')}</Text>
      ) : (
        <div role="img" aria-label={t('dashboard.arrivals.chart')} data-testid="arrivals-chart">
          <BarChart h={240} data={rows} dataKey="day" type="stacked" series={series} withLegend yAxisProps={{ allowDecimals: false, width: 40 }} />
        </div>
      )}
      <ScrollTable label={t('dashboard.arrivals.vipTable')} testId="arrivals-vip-table" minWidth={360}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashboard.arrivals.vipLevel')}</Table.Th>
            <Table.Th>{t('dashboard.arrivals.arrivals')}</Table.Th>
            <Table.Th>{t('dashboard.arrivals.withAlerts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {arrivals.byVip.map((v) => (
            <Table.Tr key={v.vip}>
              <Table.Th scope="row">{t(`dashboard.vip.${v.vip}`)}</Table.Th>
              <Table.Td>{v.total}</Table.Td>
              <Table.Td>{v.withAlerts}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Th scope="row">{t('dashboard.arrivals.all')}</Table.Th>
            <Table.Td>{arrivals.total}</Table.Td>
            <Table.Td>{arrivals.withAlerts}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </ScrollTable>
      <TableAlternative>
        <ScrollTable label={t('dashboard.arrivals.dayTable')} testId="arrivals-day-table" minWidth={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.date')}</Table.Th>
              {series.map((s) => <Table.Th key={s.name}>{s.label}</Table.Th>)}
              <Table.Th>{t('dashboard.arrivals.arrivals')}</Table.Th>
              <Table.Th>{t('dashboard.arrivals.withAlerts')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {arrivals.byDay.map((d) => (
              <Table.Tr key={d.date}>
                <Table.Th scope="row">{formatHotelDay(d.date, language)}</Table.Th>
                {d.vip.map((n, i) => <Table.Td key={i}>{n}</Table.Td>)}
                <Table.Td>{d.total}</Table.Td>
                <Table.Td>{d.withAlerts}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      </TableAlternative>
      {arrivals.alertGuests.length > 0 ? (
        <>
          <Text fw={600} size="sm" mt="md" id="dashboard-alert-guests">{t('dashboard.arrivals.alertGuests')}</Text>
          <ScrollTable label={t('dashboard.arrivals.alertGuests')} testId="arrivals-alert-table" minWidth={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.guest')}</Table.Th>
                <Table.Th>{t('reports.date')}</Table.Th>
                <Table.Th>{t('dashboard.arrivals.vipLevel')}</Table.Th>
                <Table.Th>{t('dashboard.arrivals.alerts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {arrivals.alertGuests.map((a) => (
                <Table.Tr key={a.stayId}>
                  <Table.Th scope="row">
                    <Anchor href={`#/guest/${a.guestId}`} size="sm"><GuestName guest={a} size="sm" /></Anchor>
                  </Table.Th>
                  <Table.Td>{formatHotelDay(a.arrival, language)}</Table.Td>
                  <Table.Td>{t(`dashboard.vip.${Math.min(3, Math.max(0, a.vip))}`)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {a.alerts.map((x, i) => (
                        <Badge key={i} color="red.9" variant="filled" size="sm" tt="none">
                          {label(x.category, x.code, x.value)}{x.strength === 'never' ? ` · ${t('strength.never')}` : ''}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
          {arrivals.alertGuestsLeftOut > 0 ? <Text size="sm" c="dimmed">{t('dashboard.arrivals.leftOut', { count: arrivals.alertGuestsLeftOut })}</Text> : null}
        </>
      ) : null}
    </DashboardCard>
  )
}

/** The guests with most declined or overdue prompts in the period, linked to their profiles. */
export function UnfulfilledSection({ dashboard, language }: Props) {
  const { t } = useTranslation()
  const { top } = dashboard.unfulfilled
  return (
    <DashboardCard id="dashboard-unfulfilled" title={t('dashboard.unfulfilled.title')} help={t('dashboard.unfulfilled.help')}>
      {top.length === 0 ? (
        <Text size="sm" data-testid="unfulfilled-empty">{t('dashboard.unfulfilled.empty')}</Text>
      ) : (
        <ScrollTable label={t('dashboard.unfulfilled.table')} testId="unfulfilled-table" minWidth={600}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.guest')}</Table.Th>
              <Table.Th>{t('dashboard.unfulfilled.total')}</Table.Th>
              <Table.Th>{t('dashboard.unfulfilled.declined')}</Table.Th>
              <Table.Th>{t('dashboard.unfulfilled.overdue')}</Table.Th>
              <Table.Th>{t('dashboard.unfulfilled.last')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {top.map((g) => (
              <Table.Tr key={g.guestId}>
                <Table.Th scope="row">
                  <Anchor href={`#/guest/${g.guestId}`} size="sm"><GuestName guest={g} size="sm" /></Anchor>
                  {g.vip > 0 ? <Badge ml={6} size="sm" color="blue.8" variant="filled">{t(`dashboard.vip.${Math.min(3, g.vip)}`)}</Badge> : null}
                </Table.Th>
                <Table.Td>{g.total}</Table.Td>
                <Table.Td>{g.declined}</Table.Td>
                <Table.Td>{g.overdue}</Table.Td>
                <Table.Td>{formatHotelMoment(g.lastAt, language, dashboard.timeZone)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </DashboardCard>
  )
}
