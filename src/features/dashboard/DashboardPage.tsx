import { Alert, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { BusinessDateField } from '../../components/BusinessDateField'
import { formatPercent, rangeProblem } from '../reports/report-range'
import { formatHotelDay } from '../reports/report-view'
import { isEmptyHotel, periodPresets, presetPeriod, type Dashboard } from './dashboard-view'
import { ArrivalsSection, UnfulfilledSection } from './DashboardGuests'
import { ObservationsSection, PreferencesSection, RepeatSection } from './DashboardSections'

/**
 * The manager's dashboard (report.dashboard): headline figures, then the repeat-guest rate, top
 * preferences, observations turned into preferences, guests with unfulfilled needs and the
 * next 7 days of arrivals. Every chart has a table of the same figures.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation()
  const clock = useQuery({ queryKey: ['hotel-clock'], queryFn: () => call('hotel.clock', {}), staleTime: 60_000 })
  const [chosen, setChosen] = useState<{ from: string; to: string } | null>(null)
  const businessDate = clock.data?.businessDate
  const range = chosen ?? (businessDate ? presetPeriod(businessDate, 90) : null)
  const problem = range ? rangeProblem(range.from, range.to) : null
  const dashboard = useQuery({
    queryKey: ['report-dashboard', chosen?.from, chosen?.to],
    queryFn: () => call('report.dashboard', chosen ?? {}),
    enabled: problem === null,
    placeholderData: keepPreviousData,
  })
  const setRange = (next: Partial<{ from: string; to: string }>) => range && setChosen({ ...range, ...next })
  return (
    <Stack gap="md" maw={1200}>
      <Title order={1} size="h2">{t('dashboard.title')}</Title>
      <Text size="sm" maw={760}>{t('dashboard.intro')}</Text>
      {range ? (
        <Paper withBorder p="md" component="form" aria-label={t('dashboard.period')} onSubmit={(e) => e.preventDefault()}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <BusinessDateField label={t('reports.from')} value={range.from} max={businessDate} onChange={(from) => setRange({ from })} w={220} error={problem === 'fromInvalid' ? true : undefined} />
            <BusinessDateField label={t('reports.to')} value={range.to} onChange={(to) => setRange({ to })} w={220} error={problem && problem !== 'fromInvalid' ? true : undefined} />
            {periodPresets.map((days) => (
              <Button key={days} variant="default" onClick={() => businessDate && setChosen(presetPeriod(businessDate, days))}>
                {t(`dashboard.last${days}`)}
              </Button>
            ))}
          </Group>
          {problem ? <Text c="red.8" size="sm" mt="xs" role="alert" data-testid="dashboard-range-problem">{t(`reports.range.${problem}`)}</Text> : null}
        </Paper>
      ) : null}
      {clock.isError ? <Alert color="red" role="alert">{errorMessage(t, clock.error)}</Alert> : null}
      {dashboard.isError ? <Alert color="red" role="alert">{errorMessage(t, dashboard.error)}</Alert> : null}
      {dashboard.isLoading ? (
        <Group gap="xs" role="status"><Loader size="sm" aria-hidden /><Text size="sm">{t('dashboard.loading')}</Text></Group>
      ) : null}
      {dashboard.data ? <DashboardBody dashboard={dashboard.data} language={i18n.language} /> : null}
    </Stack>
  )
}

function DashboardBody({ dashboard, language }: { dashboard: Dashboard; language: string }) {
  const { t } = useTranslation()
  const { repeat, observations, unfulfilled, arrivals } = dashboard
  const figures = [
    { key: 'repeat', label: t('dashboard.figure.repeat'), value: formatPercent(repeat.period.ratePct, language), detail: t('dashboard.figure.repeatDetail', { repeat: repeat.period.repeatGuests, guests: repeat.period.guests }) },
    { key: 'observations', label: t('dashboard.figure.observations'), value: formatPercent(observations.totals.conversionPct, language), detail: t('dashboard.figure.observationsDetail', { became: observations.totals.becamePreference, recorded: observations.totals.recorded }) },
    { key: 'unfulfilled', label: t('dashboard.figure.unfulfilled'), value: String(unfulfilled.guests), detail: t('dashboard.figure.unfulfilledDetail') },
    { key: 'arrivals', label: t('dashboard.figure.arrivals'), value: String(arrivals.total), detail: t('dashboard.figure.arrivalsDetail', { vips: arrivals.vips, alerts: arrivals.withAlerts }) },
  ]
  return (
    <Stack gap="lg">
      <section aria-labelledby="dashboard-summary">
        <Title order={2} size="h4" id="dashboard-summary" mb="xs">
          {t('dashboard.summary', { from: formatHotelDay(dashboard.from, language), to: formatHotelDay(dashboard.to, language) })}
        </Title>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" component="dl" m={0}>
          {figures.map((f) => (
            <Paper key={f.key} withBorder p="sm" data-testid={`dashboard-figure-${f.key}`}>
              <Text component="dt" size="xs" c="dimmed">{f.label}</Text>
              <Text component="dd" m={0} fw={700} fz="xl">{f.value}</Text>
              <Text component="dd" m={0} size="xs" c="dimmed">{f.detail}</Text>
            </Paper>
          ))}
        </SimpleGrid>
      </section>
      {isEmptyHotel(dashboard) ? (
        <Alert color="blue" data-testid="dashboard-empty" title={t('dashboard.emptyHotel.title')}>{t('dashboard.emptyHotel.text')}</Alert>
      ) : null}
      <ArrivalsSection dashboard={dashboard} language={language} />
      <RepeatSection dashboard={dashboard} language={language} />
      <PreferencesSection dashboard={dashboard} />
      <ObservationsSection dashboard={dashboard} language={language} />
      <UnfulfilledSection dashboard={dashboard} language={language} />
    </Stack>
  )
}
