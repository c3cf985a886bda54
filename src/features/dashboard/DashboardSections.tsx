import { BarChart, LineChart } from '@mantine/charts'
import { Paper, SimpleGrid, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useDepartmentName, useVocabulary } from '../../api/reference-data'
import { formatPercent } from '../reports/report-range'
import { formatHotelDay, formatHotelMoment } from '../reports/report-view'
import { shortLabel } from '../reports/report-words'
import { ScrollTable } from '../reports/ScrollTable'
import { departmentSeriesKey, formatMonth, observationWeekRows, seriesColor, type Dashboard } from './dashboard-view'

type Props = { dashboard: Dashboard; language: string }

/** A titled card with its help line; `id` names it for screen readers. */
export function DashboardCard({ id, title, help, children }: { id: string; title: string; help?: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={id}>
      <Title order={2} size="h4" id={id}>{title}</Title>
      {help ? <Text size="sm" c="dimmed" mb="sm" maw={820}>{help}</Text> : null}
      {children}
    </Paper>
  )
}

/** The table under a chart: the same figures, folded away until asked for. */
export function TableAlternative({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation()
  return (
    <details>
      <summary><Text span size="sm">{t('reports.showTable')}</Text></summary>
      {children}
    </details>
  )
}

/** Repeat-guest rate month by month (line), the period's figure above it. */
export function RepeatSection({ dashboard, language }: Props) {
  const { t } = useTranslation()
  const months = dashboard.repeat.byMonth
  const rows = months.map((m) => ({ month: formatMonth(m.key, language), rate: m.ratePct }))
  const anyone = months.some((m) => m.guests > 0)
  return (
    <DashboardCard id="dashboard-repeat" title={t('dashboard.repeat.title')} help={t('dashboard.repeat.help')}>
      {anyone ? (
        <div role="img" aria-label={t('dashboard.repeat.chart')} data-testid="repeat-chart">
          <LineChart h={240} data={rows} dataKey="month" series={[{ name: 'rate', label: t('dashboard.repeat.rate'), color: 'blue.7' }]} connectNulls xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 8 }} yAxisProps={{ domain: [0, 100], width: 56, tickFormatter: (v: number) => formatPercent(v, language) }} valueFormatter={(v) => formatPercent(v, language)} />
        </div>
      ) : (
        <Text size="sm" data-testid="repeat-empty">{t('dashboard.repeat.empty')}</Text>
      )}
      <TableAlternative>
        <ScrollTable label={t('dashboard.repeat.table')} testId="repeat-table" minWidth={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.repeat.month')}</Table.Th>
              <Table.Th>{t('dashboard.repeat.guests')}</Table.Th>
              <Table.Th>{t('dashboard.repeat.repeatGuests')}</Table.Th>
              <Table.Th>{t('dashboard.repeat.rate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[{ ...dashboard.repeat.period, label: t('dashboard.repeat.period', { from: formatHotelDay(dashboard.from, language), to: formatHotelDay(dashboard.to, language) }) }, ...months.map((m) => ({ ...m, label: formatMonth(m.key, language) }))].map((m) => (
              <Table.Tr key={m.key}>
                <Table.Th scope="row">{m.label}</Table.Th>
                <Table.Td>{m.guests}</Table.Td>
                <Table.Td>{m.repeatGuests}</Table.Td>
                <Table.Td>{formatPercent(m.ratePct, language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      </TableAlternative>
    </DashboardCard>
  )
}

const strengthSeries = [
  { name: 'required', color: 'red.8' },
  { name: 'preferred', color: 'blue.7' },
  { name: 'avoid', color: 'orange.8' },
  { name: 'never', color: 'dark.6' },
] as const

/** The most held codes of each category, split by strength: a small stacked bar chart per category and one table. */
export function PreferencesSection({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation()
  const vocabulary = useVocabulary()
  const series = strengthSeries.map((s) => ({ ...s, label: t(`strength.${s.name}`) }))
  const chars = i18n.language.startsWith('zh') ? 6 : 14
  return (
    <DashboardCard id="dashboard-preferences" title={t('dashboard.preferences.title')} help={t('dashboard.preferences.help')}>
      <Text size="xs" c="dimmed" mb="xs" data-testid="preferences-counted-at">{t('dashboard.preferences.countedAt', { time: formatHotelMoment(dashboard.preferencesCountedAt, i18n.language, dashboard.timeZone) })}</Text>
      {dashboard.preferences.length === 0 ? (
        <Text size="sm" data-testid="preferences-empty">{t('dashboard.preferences.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mb="sm">
          {dashboard.preferences.map((c) => (
            <div key={c.category} style={{ minWidth: 0 }} role="img" aria-label={t('dashboard.preferences.chart', { category: vocabulary.label(c.category) })} data-testid={`preferences-chart-${c.category}`}>
              <Text size="sm" fw={600} aria-hidden>{vocabulary.label(c.category)}</Text>
              <BarChart
                h={Math.max(120, c.codes.length * 36 + 50)}
                data={c.codes.map((x) => ({ ...x, name: vocabulary.label(c.category, x.code) }))}
                dataKey="name"
                type="stacked"
                orientation="vertical"
                series={series}
                yAxisProps={{ width: 110, interval: 0, tickFormatter: (v: string) => shortLabel(String(v), chars) }}
              />
            </div>
          ))}
        </SimpleGrid>
      )}
      <TableAlternative>
        <ScrollTable label={t('dashboard.preferences.table')} testId="preferences-table" minWidth={620}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.preferences.category')}</Table.Th>
              <Table.Th>{t('dashboard.preferences.code')}</Table.Th>
              <Table.Th>{t('dashboard.preferences.total')}</Table.Th>
              {series.map((s) => <Table.Th key={s.name}>{s.label}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dashboard.preferences.flatMap((c) =>
              c.codes.map((x) => (
                <Table.Tr key={`${c.category}.${x.code}`}>
                  <Table.Td>{vocabulary.label(c.category)}</Table.Td>
                  <Table.Th scope="row">{vocabulary.label(c.category, x.code)}</Table.Th>
                  <Table.Td>{x.total}</Table.Td>
                  <Table.Td>{x.required}</Table.Td>
                  <Table.Td>{x.preferred}</Table.Td>
                  <Table.Td>{x.avoid}</Table.Td>
                  <Table.Td>{x.never}</Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </ScrollTable>
      </TableAlternative>
    </DashboardCard>
  )
}

/** Observations per department per week (stacked bars), and how many became preferences, per department. */
export function ObservationsSection({ dashboard, language }: Props) {
  const { t } = useTranslation()
  const departmentName = useDepartmentName()
  const { totals, byDepartment } = dashboard.observations
  const rows = observationWeekRows(dashboard, (week) => formatHotelDay(week, language, 'short'))
  const series = byDepartment.map((d, i) => ({ name: departmentSeriesKey(d.department), label: departmentName(d.department), color: seriesColor(i) }))
  return (
    <DashboardCard id="dashboard-observations" title={t('dashboard.observations.title')} help={t('dashboard.observations.help')}>
      {totals.recorded === 0 ? (
        <Text size="sm" data-testid="observations-empty">{t('dashboard.observations.empty')}</Text>
      ) : (
        <div role="img" aria-label={t('dashboard.observations.chart')} data-testid="observations-chart">
          <BarChart h={260} data={rows} dataKey="week" type="stacked" series={series} withLegend xAxisProps={{ angle: -40, textAnchor: 'end', height: 56, interval: 'preserveStartEnd', minTickGap: 4 }} yAxisProps={{ allowDecimals: false, width: 40 }} />
        </div>
      )}
      <ScrollTable label={t('dashboard.observations.departmentTable')} testId="observations-department-table" minWidth={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.department')}</Table.Th>
            <Table.Th>{t('dashboard.observations.recorded')}</Table.Th>
            <Table.Th>{t('dashboard.observations.became')}</Table.Th>
            <Table.Th>{t('dashboard.observations.rejected')}</Table.Th>
            <Table.Th>{t('dashboard.observations.open')}</Table.Th>
            <Table.Th>{t('dashboard.observations.conversion')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...byDepartment, { department: '', ...totals }].map((d) => (
            <Table.Tr key={d.department || 'all'} fw={d.department ? undefined : 700}>
              <Table.Th scope="row">{d.department ? departmentName(d.department) : t('dashboard.observations.allDepartments')}</Table.Th>
              <Table.Td>{d.recorded}</Table.Td>
              <Table.Td>{d.becamePreference}{d.merged ? ` ${t('dashboard.observations.mergedNote', { count: d.merged })}` : ''}</Table.Td>
              <Table.Td>{d.rejected}</Table.Td>
              <Table.Td>{d.open}</Table.Td>
              <Table.Td>{formatPercent(d.conversionPct, language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      <TableAlternative>
        <ScrollTable label={t('dashboard.observations.weekTable')} testId="observations-week-table" minWidth={Math.max(480, 160 + byDepartment.length * 110)}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.observations.week')}</Table.Th>
              {byDepartment.map((d) => <Table.Th key={d.department}>{departmentName(d.department)}</Table.Th>)}
              <Table.Th>{t('dashboard.observations.recorded')}</Table.Th>
              <Table.Th>{t('dashboard.observations.became')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dashboard.observations.byWeek.map((w) => (
              <Table.Tr key={w.week}>
                <Table.Th scope="row">{t('dashboard.observations.weekOf', { date: formatHotelDay(w.week, language) })}</Table.Th>
                {byDepartment.map((d) => <Table.Td key={d.department}>{w.departments[d.department] ?? 0}</Table.Td>)}
                <Table.Td>{w.recorded}</Table.Td>
                <Table.Td>{w.becamePreference}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      </TableAlternative>
    </DashboardCard>
  )
}
