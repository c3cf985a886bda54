import { BarChart, LineChart } from '@mantine/charts'
import { Paper, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useDepartmentName } from '../../api/reference-data'
import { formatHotelDay, type PromiseReport } from './report-view'
import { formatPercent } from './report-range'
import { shortLabel } from './report-words'
import { ScrollTable } from './ScrollTable'

const series = (t: (key: string) => string) => [
  { name: 'ack', label: t('reports.ackSeries'), color: 'blue.7' },
  { name: 'done', label: t('reports.doneSeries'), color: 'teal.8' },
]

/** Within-promise shares by department: a bar chart, and the same figures as a table. */
export function DepartmentChart({ report, language }: { report: PromiseReport; language: string }) {
  const { t } = useTranslation()
  const departmentName = useDepartmentName()
  const rows = report.byDepartment.map((d) => ({ department: departmentName(d.department), ack: d.ackWithinPct, done: d.doneWithinPct, figures: d }))
  // Long names ("Restaurant (Chinese)", 中餐厅…) are cut on the axis, never drawn over each other;
  // the tooltip and the table below give them whole.
  const nameChars = language.startsWith('zh') ? 8 : 16
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-by-department">
      <Title order={2} size="h4" id="report-by-department" mb="sm">{t('reports.byDepartment')}</Title>
      {rows.length > 0 ? (
        <div role="img" aria-label={t('reports.byDepartmentChart')} data-testid="department-chart">
          <BarChart h={Math.max(200, rows.length * 44 + 60)} data={rows} dataKey="department" orientation="vertical" series={series(t)} withLegend xAxisProps={{ domain: [0, 100], tickFormatter: (v: number) => formatPercent(v, language) }} yAxisProps={{ width: 132, interval: 0, tickFormatter: (v: string) => shortLabel(String(v), nameChars) }} valueFormatter={(v) => formatPercent(v, language)} />
        </div>
      ) : null}
      <details>
        <summary><Text span size="sm">{t('reports.showTable')}</Text></summary>
        <ScrollTable label={t('reports.departmentTable')} testId="department-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.department')}</Table.Th>
              <Table.Th>{t('reports.issued')}</Table.Th>
              <Table.Th>{t('reports.ackWithin')}</Table.Th>
              <Table.Th>{t('reports.doneWithin')}</Table.Th>
              <Table.Th>{t('reports.declined')}</Table.Th>
              <Table.Th>{t('reports.cancelled')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.figures.department}>
                <Table.Th scope="row">{r.department}</Table.Th>
                <Table.Td>{r.figures.issued}</Table.Td>
                <Table.Td>{formatPercent(r.ack, language)}</Table.Td>
                <Table.Td>{formatPercent(r.done, language)}</Table.Td>
                <Table.Td>{r.figures.declined}</Table.Td>
                <Table.Td>{r.figures.cancelled}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      </details>
    </Paper>
  )
}

/** Within-promise shares day by day: a line chart, and the same figures as a table. */
export function TrendChart({ report, language }: { report: PromiseReport; language: string }) {
  const { t } = useTranslation()
  const rows = report.byDay.map((d) => ({ day: formatHotelDay(d.date, language, 'short'), ack: d.ackWithinPct, done: d.doneWithinPct, figures: d }))
  // A month of days does not fit side by side: the labels lean, and recharts skips those that
  // would still touch (the first and last always shown).
  const dayAxis = { angle: -40, textAnchor: 'end', height: 56, interval: 'preserveStartEnd', minTickGap: 8 } as const
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-trend">
      <Title order={2} size="h4" id="report-trend" mb="sm">{t('reports.trend')}</Title>
      <div role="img" aria-label={t('reports.trendChart')} data-testid="trend-chart">
        <LineChart h={270} data={rows} dataKey="day" series={series(t)} withLegend connectNulls xAxisProps={dayAxis} yAxisProps={{ domain: [0, 100], width: 56, tickFormatter: (v: number) => formatPercent(v, language) }} valueFormatter={(v) => formatPercent(v, language)} />
      </div>
      <details>
        <summary><Text span size="sm">{t('reports.showTable')}</Text></summary>
        <ScrollTable label={t('reports.dayTable')} testId="day-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.date')}</Table.Th>
              <Table.Th>{t('reports.issued')}</Table.Th>
              <Table.Th>{t('reports.ackWithin')}</Table.Th>
              <Table.Th>{t('reports.doneWithin')}</Table.Th>
              <Table.Th>{t('reports.declined')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.byDay.map((d) => (
              <Table.Tr key={d.date}>
                <Table.Th scope="row">{formatHotelDay(d.date, language)}</Table.Th>
                <Table.Td>{d.issued}</Table.Td>
                <Table.Td>{formatPercent(d.ackWithinPct, language)}</Table.Td>
                <Table.Td>{formatPercent(d.doneWithinPct, language)}</Table.Td>
                <Table.Td>{d.declined}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      </details>
    </Paper>
  )
}
