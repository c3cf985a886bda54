import { Alert, Button, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { BusinessDateField } from '../../components/BusinessDateField'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { departmentChoices } from '../../api/department-labels'
import { useDepartments, useDepartmentWording } from '../../api/reference-data'
import { errorMessage } from '../../app/errors'
import { formatHotelDay, type PromiseReport } from './report-view'
import { formatMinutes, formatPercent, lastDays, rangeProblem } from './report-range'
import { DepartmentChart, TrendChart } from './ReportCharts'
import { DeclineReasons, RuleTable, WorstOffenders } from './ReportTables'

/**
 * Managers' promise report (report.promises): over a range of business dates, how many prompts
 * each department and rule issued, how many were acknowledged and done within promise, the
 * declines and their reasons, median and p90 times, and the prompts most late.
 */
export function PromiseReportPage() {
  const { t, i18n } = useTranslation()
  const clock = useQuery({ queryKey: ['hotel-clock'], queryFn: () => call('hotel.clock', {}), staleTime: 60_000 })
  const departments = useDepartments()
  const wording = useDepartmentWording()
  const [chosen, setChosen] = useState<{ from: string; to: string } | null>(null)
  const [department, setDepartment] = useState('')
  const businessDate = clock.data?.businessDate
  const range = chosen ?? (businessDate ? lastDays(businessDate, 7) : null)
  const problem = range ? rangeProblem(range.from, range.to) : null
  const report = useQuery({
    queryKey: ['report-promises', range?.from, range?.to, department],
    queryFn: () => call('report.promises', { from: range!.from, to: range!.to, ...(department ? { department } : {}) }),
    enabled: range !== null && problem === null,
    placeholderData: keepPreviousData,
  })
  const timeZone = report.data?.timeZone ?? clock.data?.timeZone ?? ''
  const setRange = (next: Partial<{ from: string; to: string }>) => setChosen({ ...range!, ...next })
  return (
    <Stack gap="md" maw={1200}>
      <Title order={1} size="h2">{t('reports.title')}</Title>
      <Text size="sm" maw={760}>{t('reports.intro')}</Text>
      <Text size="sm" c="dimmed" maw={760} data-testid="report-help">{t('reports.help', { timeZone })}</Text>
      {range ? (
        <Paper withBorder p="md" component="form" aria-label={t('reports.controls')} onSubmit={(e) => e.preventDefault()}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <BusinessDateField label={t('reports.from')} value={range.from} max={businessDate} onChange={(from) => setRange({ from })} w={220} error={problem === 'fromInvalid' ? true : undefined} />
            <BusinessDateField label={t('reports.to')} value={range.to} max={businessDate} onChange={(to) => setRange({ to })} w={220} error={problem && problem !== 'fromInvalid' ? true : undefined} />
            <NativeSelect
              label={t('reports.department')}
              value={department}
              onChange={(e) => setDepartment(e.currentTarget.value)}
              data={[{ value: '', label: t('reports.allDepartments') }, ...departmentChoices(departments.data ?? [], wording)]}
              w={240}
            />
            <Button variant="default" onClick={() => businessDate && setChosen(lastDays(businessDate, 7))}>{t('reports.last7')}</Button>
            <Button variant="default" onClick={() => businessDate && setChosen(lastDays(businessDate, 30))}>{t('reports.last30')}</Button>
          </Group>
          {problem ? <Text c="red.8" size="sm" mt="xs" role="alert" data-testid="report-range-problem">{t(`reports.range.${problem}`)}</Text> : null}
        </Paper>
      ) : null}
      {clock.isError ? <Alert color="red" role="alert">{errorMessage(t, clock.error)}</Alert> : null}
      {report.isError ? <Alert color="red" role="alert">{errorMessage(t, report.error)}</Alert> : null}
      {clock.isLoading || report.isLoading ? (
        <Group gap="xs" role="status"><Loader size="sm" aria-hidden /><Text size="sm">{t('reports.loading')}</Text></Group>
      ) : null}
      {report.data ? <ReportBody report={report.data} language={i18n.language} /> : null}
    </Stack>
  )
}

function ReportBody({ report, language }: { report: PromiseReport; language: string }) {
  const { t } = useTranslation()
  const totals = report.totals
  const p90 = (m: { p90: number | null }) => (m.p90 === null ? null : t('reports.p90Value', { value: formatMinutes(m.p90, language) }))
  const figures = [
    { key: 'issued', label: t('reports.issued'), value: String(totals.issued), detail: totals.cancelled ? `${t('reports.cancelled')}: ${totals.cancelled}` : null },
    { key: 'ack', label: t('reports.ackWithin'), value: formatPercent(totals.ackWithinPct, language), detail: t('reports.judged', { within: totals.ackWithin, judged: totals.ackJudged }) },
    { key: 'done', label: t('reports.doneWithin'), value: formatPercent(totals.doneWithinPct, language), detail: t('reports.judged', { within: totals.doneWithin, judged: totals.doneJudged }) },
    { key: 'declined', label: t('reports.declined'), value: String(totals.declined), detail: null },
    { key: 'ack-times', label: t('reports.ackMedian'), value: formatMinutes(totals.ackMinutes.median, language), detail: p90(totals.ackMinutes) },
    { key: 'done-times', label: t('reports.doneMedian'), value: formatMinutes(totals.doneMinutes.median, language), detail: p90(totals.doneMinutes) },
  ]
  return (
    <Stack gap="lg" aria-busy={false}>
      <section aria-labelledby="report-summary">
        <Title order={2} size="h4" id="report-summary" mb="xs">
          {t('reports.summary', { from: formatHotelDay(report.from, language), to: formatHotelDay(report.to, language) })}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="dl" m={0}>
          {figures.map((f) => (
            <Paper key={f.key} withBorder p="sm" data-testid={`figure-${f.key}`}>
              <Text component="dt" size="xs" c="dimmed">{f.label}</Text>
              <Text component="dd" m={0} fw={700} fz="xl">{f.value}</Text>
              {f.detail ? <Text component="dd" m={0} size="xs" c="dimmed">{f.detail}</Text> : null}
            </Paper>
          ))}
        </SimpleGrid>
      </section>
      {totals.issued === 0 ? <Text data-testid="report-empty">{t('reports.empty')}</Text> : null}
      <DepartmentChart report={report} language={language} />
      <TrendChart report={report} language={language} />
      <RuleTable report={report} language={language} />
      <WorstOffenders report={report} language={language} />
      <DeclineReasons report={report} />
    </Stack>
  )
}
