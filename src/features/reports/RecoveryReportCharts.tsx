import { BarChart, LineChart } from '@mantine/charts'
import { Paper, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useDepartmentName } from '../../api/reference-data'
import { formatHotelDay } from './report-view'
import { formatMinutes, formatPercent } from './report-range'
import { currencyName, formatMoney, formatScore, minorDigits, type RecoveryReport } from './recovery-report-format'
import { shortLabel } from './report-words'
import { ScrollTable } from './ScrollTable'

const categoryColours: Record<string, string> = { room: 'blue.7', noise: 'grape.7', food: 'orange.8', service: 'teal.8', billing: 'red.8', other: 'gray.7' }
const categories = ['room', 'noise', 'food', 'service', 'billing', 'other'] as const

interface Props {
  report: RecoveryReport
  language: string
}

/** A titled report section: its chart (an image for screen readers, described) and the same figures as a table. */
function ChartSection({ id, title, chartLabel, testId, chart, table }: { id: string; title: string; chartLabel: string; testId: string; chart: ReactNode; table: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">{title}</Title>
      {chart ? <div role="img" aria-label={chartLabel} data-testid={testId}>{chart}</div> : null}
      <details>
        <summary><Text span size="sm">{t('recoveryReport.showTable')}</Text></summary>
        {table}
      </details>
    </Paper>
  )
}

const weekAxis = { angle: -40, textAnchor: 'end', height: 56, interval: 'preserveStartEnd', minTickGap: 8 } as const

/** Cases of each category, week by week: a stacked bar chart and its table. */
export function CategoryWeeksChart({ report, language }: Props) {
  const { t } = useTranslation()
  const rows = report.byPeriod.map((p) => ({ week: formatHotelDay(p.period, language, 'short'), ...p.byCategory }))
  const series = categories.map((c) => ({ name: c, label: t(`recoveryReport.category.${c}`), color: categoryColours[c] }))
  return (
    <ChartSection
      id="recovery-by-week"
      title={t('recoveryReport.byWeek')}
      chartLabel={t('recoveryReport.byWeekChart')}
      testId="recovery-week-chart"
      chart={<BarChart h={280} data={rows} dataKey="week" type="stacked" series={series} withLegend xAxisProps={weekAxis} yAxisProps={{ allowDecimals: false, width: 40 }} />}
      table={
        <ScrollTable label={t('recoveryReport.byWeekTable')} testId="recovery-week-table" minWidth={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('recoveryReport.week')}</Table.Th>
              {categories.map((c) => <Table.Th key={c}>{t(`recoveryReport.category.${c}`)}</Table.Th>)}
              <Table.Th>{t('recoveryReport.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.byPeriod.map((p) => (
              <Table.Tr key={p.period}>
                <Table.Th scope="row">{formatHotelDay(p.period, language)}</Table.Th>
                {categories.map((c) => <Table.Td key={c}>{p.byCategory[c]}</Table.Td>)}
                <Table.Td>{categories.reduce((sum, c) => sum + p.byCategory[c], 0)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">{t('recoveryReport.total')}</Table.Th>
              {report.byCategory.map((c) => <Table.Td key={c.category}>{c.cases}</Table.Td>)}
              <Table.Td>{report.totals.cases}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </ScrollTable>
      }
    />
  )
}

/** Cases by the department concerned: a bar chart and its table. */
export function DepartmentCasesChart({ report, language }: Props) {
  const { t } = useTranslation()
  const departmentName = useDepartmentName()
  const rows = report.byDepartment.map((d) => ({ department: departmentName(d.department), cases: d.cases }))
  const nameChars = language.startsWith('zh') ? 8 : 16
  return (
    <ChartSection
      id="recovery-by-department"
      title={t('recoveryReport.byDepartment')}
      chartLabel={t('recoveryReport.byDepartmentChart')}
      testId="recovery-department-chart"
      chart={
        rows.length > 0 ? (
          <BarChart
            h={Math.max(160, rows.length * 44 + 60)}
            data={rows}
            dataKey="department"
            orientation="vertical"
            series={[{ name: 'cases', label: t('recoveryReport.cases'), color: 'blue.7' }]}
            xAxisProps={{ allowDecimals: false }}
            yAxisProps={{ width: 132, interval: 0, tickFormatter: (v: string) => shortLabel(String(v), nameChars) }}
          />
        ) : null
      }
      table={
        <ScrollTable label={t('recoveryReport.byDepartmentTable')} testId="recovery-department-table" minWidth={320}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('recoveryReport.department')}</Table.Th>
              <Table.Th>{t('recoveryReport.cases')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={report.byDepartment[i].department}>
                <Table.Th scope="row">{r.department}</Table.Th>
                <Table.Td>{r.cases}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      }
    />
  )
}

/** Minutes to first response and to resolution (median, p90) beside the promise: a bar chart and its table. */
export function ResponseTimesChart({ report, language }: Props) {
  const { t } = useTranslation()
  const rt = report.responseTimes
  const rows = [
    { key: 'firstResponse', measure: t('recoveryReport.firstResponse'), median: rt.firstResponseMinutes.median, p90: rt.firstResponseMinutes.p90, promised: rt.firstResponsePromiseMinutes, within: report.totals.firstResponseWithinPct },
    { key: 'resolution', measure: t('recoveryReport.resolution'), median: rt.resolutionMinutes.median, p90: rt.resolutionMinutes.p90, promised: rt.resolutionPromiseMinutes, within: report.totals.resolutionWithinPct },
  ]
  // Each measure against its own promise (a 5-minute median beside a 1,440-minute promise was invisible).
  const share = (minutes: number | null, promised: number | null) => (minutes === null || !promised ? null : Math.round((minutes / promised) * 1000) / 10)
  const shares = rows.map((r) => ({ measure: r.measure, median: share(r.median, r.promised), p90: share(r.p90, r.promised) }))
  return (
    <ChartSection
      id="recovery-times"
      title={t('recoveryReport.times')}
      chartLabel={t('recoveryReport.timesChart')}
      testId="recovery-times-chart"
      chart={
        <BarChart
          h={240}
          data={shares}
          dataKey="measure"
          series={[
            { name: 'median', label: t('recoveryReport.medianShare'), color: 'blue.7' },
            { name: 'p90', label: t('recoveryReport.p90Share'), color: 'grape.7' },
          ]}
          withLegend
          referenceLines={[{ y: 100, label: t('recoveryReport.promised'), color: 'red.8' }]}
          yAxisProps={{ width: 56, domain: [0, (max: number) => Math.max(120, Math.ceil(max / 20) * 20)], tickFormatter: (v: number) => formatPercent(v, language) }}
          valueFormatter={(v) => t('recoveryReport.ofPromise', { pct: formatPercent(v, language) })}
        />
      }
      table={
        <ScrollTable label={t('recoveryReport.timesTable')} testId="recovery-times-table" minWidth={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('recoveryReport.measure')}</Table.Th>
              <Table.Th>{t('recoveryReport.median')}</Table.Th>
              <Table.Th>{t('recoveryReport.p90')}</Table.Th>
              <Table.Th>{t('recoveryReport.promised')}</Table.Th>
              <Table.Th>{t('recoveryReport.within')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row">{r.measure}</Table.Th>
                <Table.Td>{formatMinutes(r.median, language)}</Table.Td>
                <Table.Td>{formatMinutes(r.p90, language)}</Table.Td>
                <Table.Td>{formatMinutes(r.promised, language)}</Table.Td>
                <Table.Td>{formatPercent(r.within, language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      }
    />
  )
}

/** Compensation given by kind, in the hotel's currency: a bar chart and its table. */
export function CompensationChart({ report, language }: Props) {
  const { t } = useTranslation()
  const { currency } = report
  const digits = minorDigits(currency)
  const rows = report.compensation.byKind.map((k) => ({ kind: t(`recoveryReport.compensationKind.${k.kind}`, { defaultValue: k.kind }), value: k.totalMinor / 10 ** digits, figures: k }))
  const money = (value: number) => formatMoney(Math.round(value * 10 ** digits), currency, language)
  return (
    <ChartSection
      id="recovery-compensation"
      title={t('recoveryReport.compensation')}
      chartLabel={t('recoveryReport.compensationChart', { currency: currencyName(currency, language) })}
      testId="recovery-compensation-chart"
      chart={
        rows.length > 0 ? (
          <BarChart h={Math.max(160, rows.length * 44 + 60)} data={rows} dataKey="kind" orientation="vertical" series={[{ name: 'value', label: t('recoveryReport.value'), color: 'teal.8' }]} xAxisProps={{ tickFormatter: (v: number) => money(v) }} yAxisProps={{ width: 132 }} valueFormatter={money} />
        ) : (
          <Text size="sm">{t('recoveryReport.noCompensation')}</Text>
        )
      }
      table={
        <ScrollTable label={t('recoveryReport.compensationTable')} testId="recovery-compensation-table" minWidth={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('recoveryReport.kind')}</Table.Th>
              <Table.Th>{t('recoveryReport.count')}</Table.Th>
              <Table.Th>{t('recoveryReport.value')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.figures.kind}>
                <Table.Th scope="row">{r.kind}</Table.Th>
                <Table.Td>{r.figures.count}</Table.Td>
                <Table.Td>{formatMoney(r.figures.totalMinor, currency, language)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">{t('recoveryReport.total')}</Table.Th>
              <Table.Td>{report.compensation.byKind.reduce((n, k) => n + k.count, 0)}</Table.Td>
              <Table.Td>{formatMoney(report.compensation.totalMinor, currency, language)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </ScrollTable>
      }
    />
  )
}

/** Return rates of recovered guests, all guests and guests who never complained: a bar chart and its table. */
export function ReturnRatesChart({ report, language }: Props) {
  const { t } = useTranslation()
  const cohorts = (['recovered', 'all', 'neverComplained'] as const).map((key) => ({ key, cohort: t(`recoveryReport.cohorts.${key}`), rate: report.returnRates[key].pct, figures: report.returnRates[key] }))
  return (
    <ChartSection
      id="recovery-returns"
      title={t('recoveryReport.returns')}
      chartLabel={t('recoveryReport.returnsChart')}
      testId="recovery-returns-chart"
      chart={
        <BarChart
          h={220}
          data={cohorts}
          dataKey="cohort"
          orientation="vertical"
          series={[{ name: 'rate', label: t('recoveryReport.rate'), color: 'indigo.7' }]}
          xAxisProps={{ domain: [0, 100], tickFormatter: (v: number) => formatPercent(v, language) }}
          yAxisProps={{ width: 132 }}
          valueFormatter={(v) => formatPercent(v, language)}
        />
      }
      table={
        <ScrollTable label={t('recoveryReport.returnsTable')} testId="recovery-returns-table" minWidth={300}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('recoveryReport.cohort')}</Table.Th>
              <Table.Th>{t('recoveryReport.guests')}</Table.Th>
              <Table.Th>{t('recoveryReport.returned')}</Table.Th>
              <Table.Th>{t('recoveryReport.rate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cohorts.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Th scope="row">{c.cohort}</Table.Th>
                <Table.Td>{c.figures.guests}</Table.Td>
                <Table.Td>{c.figures.returned}</Table.Td>
                <Table.Td>{formatPercent(c.figures.pct, language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      }
    />
  )
}

/** Average satisfaction (1–5) by week: a line chart and its table. */
export function SatisfactionChart({ report, language }: Props) {
  const { t } = useTranslation()
  const rows = report.satisfaction.byPeriod.map((p) => ({ week: formatHotelDay(p.period, language, 'short'), average: p.average }))
  return (
    <ChartSection
      id="recovery-satisfaction"
      title={t('recoveryReport.satisfaction')}
      chartLabel={t('recoveryReport.satisfactionChart')}
      testId="recovery-satisfaction-chart"
      chart={<LineChart h={240} data={rows} dataKey="week" series={[{ name: 'average', label: t('recoveryReport.average'), color: 'teal.8' }]} connectNulls xAxisProps={{ ...weekAxis, padding: { left: 24, right: 24 } }} yAxisProps={{ domain: [1, 5], width: 40 }} valueFormatter={(v) => formatScore(v, language)} />}
      table={
        <ScrollTable label={t('recoveryReport.satisfactionTable')} testId="recovery-satisfaction-table" minWidth={360}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('recoveryReport.week')}</Table.Th>
              <Table.Th>{t('recoveryReport.average')}</Table.Th>
              <Table.Th>{t('recoveryReport.answers')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.satisfaction.byPeriod.map((p) => (
              <Table.Tr key={p.period}>
                <Table.Th scope="row">{formatHotelDay(p.period, language)}</Table.Th>
                <Table.Td>{formatScore(p.average, language)}</Table.Td>
                <Table.Td>{p.count}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      }
    />
  )
}
