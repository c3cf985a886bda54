import { Alert, Anchor, Button, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { departmentChoices } from '../../api/department-labels'
import { useDepartments, useDepartmentWording } from '../../api/reference-data'
import { errorMessage } from '../../app/errors'
import { BusinessDateField } from '../../components/BusinessDateField'
import { formatHotelDay } from './report-view'
import { formatPercent, lastDays, rangeProblem } from './report-range'
import { currencyName, formatMoney, formatScore, type RecoveryReport } from './recovery-report-format'
import { CategoryWeeksChart, CompensationChart, DepartmentCasesChart, ResponseTimesChart, ReturnRatesChart, SatisfactionChart } from './RecoveryReportCharts'

/** The two reports, one tab each: the promise report and this one. */
export function ReportTabs({ active }: { active: 'reports' | 'recoveryReport' }) {
  const { t } = useTranslation()
  const tabs = [
    { key: 'reports', label: t('recoveryReport.promiseTab') },
    { key: 'recoveryReport', label: t('recoveryReport.recoveryTab') },
  ] as const
  return (
    <Group component="nav" aria-label={t('recoveryReport.tabs')} gap="md">
      {tabs.map((tab) => (
        <Anchor key={tab.key} href={`#/${tab.key}`} fw={active === tab.key ? 700 : 500} underline={active === tab.key ? 'always' : 'hover'} aria-current={active === tab.key ? 'page' : undefined}>
          {tab.label}
        </Anchor>
      ))}
    </Group>
  )
}

/**
 * Managers' recovery report (report.recovery): over a range of business dates, complaints by
 * category, department and week; time to first response and to resolution against the promise;
 * compensation given in the hotel's currency; recovered guests' return rate against all guests'
 * and against guests who never complained; the satisfaction trend. Every chart has a table of the
 * same figures.
 */
export function RecoveryReportPage() {
  const { t, i18n } = useTranslation()
  const clock = useQuery({ queryKey: ['hotel-clock'], queryFn: () => call('hotel.clock', {}), staleTime: 60_000 })
  const departments = useDepartments()
  const wording = useDepartmentWording()
  const [chosen, setChosen] = useState<{ from: string; to: string } | null>(null)
  const [department, setDepartment] = useState('')
  const businessDate = clock.data?.businessDate
  const range = chosen ?? (businessDate ? lastDays(businessDate, 30) : null)
  const problem = range ? rangeProblem(range.from, range.to) : null
  const report = useQuery({
    queryKey: ['report-recovery', range?.from, range?.to, department],
    queryFn: () => call('report.recovery', { from: range!.from, to: range!.to, ...(department ? { department } : {}) }),
    enabled: range !== null && problem === null,
    placeholderData: keepPreviousData,
  })
  const timeZone = report.data?.timeZone ?? clock.data?.timeZone ?? ''
  const setRange = (next: Partial<{ from: string; to: string }>) => setChosen({ ...range!, ...next })
  return (
    <Stack gap="md" maw={1200}>
      <ReportTabs active="recoveryReport" />
      <Title order={1} size="h2">{t('recoveryReport.title')}</Title>
      <Text size="sm" maw={760}>{t('recoveryReport.intro')}</Text>
      <Text size="sm" c="dimmed" maw={760} data-testid="recovery-report-help">{t('recoveryReport.help', { timeZone, currency: currencyName(report.data?.currency ?? 'CNY', i18n.language) })}</Text>
      {range ? (
        <Paper withBorder p="md" component="form" aria-label={t('recoveryReport.controls')} onSubmit={(e) => e.preventDefault()}>
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
            <Button variant="default" onClick={() => businessDate && setChosen(lastDays(businessDate, 30))}>{t('recoveryReport.last30')}</Button>
            <Button variant="default" onClick={() => businessDate && setChosen(lastDays(businessDate, 90))}>{t('recoveryReport.last90')}</Button>
          </Group>
          {problem ? <Text c="red.8" size="sm" mt="xs" role="alert" data-testid="report-range-problem">{t(`reports.range.${problem}`)}</Text> : null}
        </Paper>
      ) : null}
      {clock.isError ? <Alert color="red" role="alert">{errorMessage(t, clock.error)}</Alert> : null}
      {report.isError ? <Alert color="red" role="alert">{errorMessage(t, report.error)}</Alert> : null}
      {clock.isLoading || report.isLoading ? (
        <Group gap="xs" role="status"><Loader size="sm" aria-hidden /><Text size="sm">{t('recoveryReport.loading')}</Text></Group>
      ) : null}
      {report.data ? <RecoveryBody report={report.data} language={i18n.language} /> : null}
    </Stack>
  )
}

function RecoveryBody({ report, language }: { report: RecoveryReport; language: string }) {
  const { t } = useTranslation()
  const { totals } = report
  const figures = [
    { key: 'cases', label: t('recoveryReport.cases'), value: String(totals.cases), detail: t('recoveryReport.casesDetail', { complaints: totals.complaints, incidents: totals.incidents }) },
    { key: 'open', label: t('recoveryReport.openResolved'), value: `${totals.open} / ${totals.resolved}`, detail: null },
    {
      key: 'first-response',
      label: t('recoveryReport.firstResponseWithin'),
      value: formatPercent(totals.firstResponseWithinPct, language),
      detail: t('recoveryReport.judged', { within: report.responseTimes.firstResponse.within, judged: report.responseTimes.firstResponse.judged }),
    },
    {
      key: 'resolution',
      label: t('recoveryReport.resolutionWithin'),
      value: formatPercent(totals.resolutionWithinPct, language),
      detail: t('recoveryReport.judged', { within: report.responseTimes.resolution.within, judged: report.responseTimes.resolution.judged }),
    },
    { key: 'compensation', label: t('recoveryReport.compensationTotal'), value: formatMoney(totals.compensationMinor, report.currency, language), detail: null },
    { key: 'satisfaction', label: t('recoveryReport.averageScore'), value: formatScore(report.satisfaction.average, language), detail: t('recoveryReport.scoreCount', { count: report.satisfaction.count }) },
  ]
  return (
    <Stack gap="lg">
      <section aria-labelledby="recovery-summary">
        <Title order={2} size="h4" id="recovery-summary" mb="xs">
          {t('recoveryReport.summary', { from: formatHotelDay(report.from, language), to: formatHotelDay(report.to, language) })}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" component="dl" m={0}>
          {figures.map((f) => (
            <Paper key={f.key} withBorder p="sm" data-testid={`recovery-figure-${f.key}`}>
              <Text component="dt" size="xs" c="dimmed">{f.label}</Text>
              <Text component="dd" m={0} fw={700} fz="xl">{f.value}</Text>
              {f.detail ? <Text component="dd" m={0} size="xs" c="dimmed">{f.detail}</Text> : null}
            </Paper>
          ))}
        </SimpleGrid>
      </section>
      {totals.cases === 0 ? <Text data-testid="recovery-report-empty">{t('recoveryReport.empty')}</Text> : null}
      <CategoryWeeksChart report={report} language={language} />
      <DepartmentCasesChart report={report} language={language} />
      <ResponseTimesChart report={report} language={language} />
      <CompensationChart report={report} language={language} />
      <ReturnRatesChart report={report} language={language} />
      <SatisfactionChart report={report} language={language} />
    </Stack>
  )
}
