import { Alert, Button, Group, Loader, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { formatHotelDate, useHotelClock } from '../../app/hotel-time'
import { clockTimeOk, timeZoneChoices } from './hotel-clock-form'

/** The hotel's clock (managers): its time zone and the time of the night audit; shows the business date and the hotel's time now. */
export function HotelClockSection() {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const clock = useHotelClock()
  const [zone, setZone] = useState<string | null>(null)
  const [audit, setAudit] = useState<string | null>(null)
  const [tried, setTried] = useState(false)
  const [done, setDone] = useState('')
  const zones = useMemo(() => timeZoneChoices(), [])
  const timeZone = zone ?? clock.data?.timeZone ?? null
  const auditTime = audit ?? clock.data?.nightAuditTime ?? ''
  const save = useMutation({
    mutationFn: () => call('hotel.setClock', { timeZone: timeZone ?? undefined, nightAuditTime: auditTime }),
    onSuccess: (value) => {
      queryClient.setQueryData(['hotel-clock'], value)
      void queryClient.invalidateQueries({ queryKey: ['night-audit'] })
      setZone(null)
      setAudit(null)
      setTried(false)
      setDone(t('settings.clock.saved', { timeZone: value.timeZone, time: value.nightAuditTime }))
    },
  })
  const issues = save.error instanceof ApiError && save.error.code === 'VALIDATION' ? (((save.error.details ?? {}) as { issues?: { path: string }[] }).issues ?? []) : []
  const timeError = (tried && !clockTimeOk(auditTime)) || issues.some((i) => i.path === 'nightAuditTime') ? t('settings.clock.timeInvalid') : undefined
  const zoneError = issues.some((i) => i.path === 'timeZone') ? t('settings.clock.zoneInvalid') : undefined
  const dirty = !!clock.data && (timeZone !== clock.data.timeZone || auditTime !== clock.data.nightAuditTime)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setTried(true)
    setDone('')
    if (!dirty || !clockTimeOk(auditTime) || !timeZone) return
    save.mutate()
  }
  const now = clock.data ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: clock.data.timeZone }).format(Date.parse(clock.data.now)) : ''

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="hotel-clock-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="hotel-clock-title">{t('settings.clock.title')}</Title>
        <Text size="sm" c="dimmed">{t('settings.clock.intro')}</Text>
        {clock.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
        {clock.isError ? <Alert color="red" role="alert">{errorMessage(t, clock.error)}</Alert> : null}
        {clock.data ? (
          <>
            <Group gap="xl" wrap="wrap" data-testid="hotel-clock-now">
              <div>
                <Text size="xs" c="dimmed">{t('settings.clock.businessDate')}</Text>
                <Text fw={600}>{formatHotelDate(clock.data.businessDate, i18n.language)}</Text>
              </div>
              <div>
                <Text size="xs" c="dimmed">{t('settings.clock.hotelNow')}</Text>
                <Text fw={600}>{now}</Text>
              </div>
            </Group>
            <form onSubmit={submit} noValidate>
              <Group align="flex-start" gap="sm" wrap="wrap">
                <Select
                  label={t('settings.clock.zone')}
                  description={t('settings.clock.zoneHint')}
                  data={zones}
                  value={timeZone}
                  onChange={(z) => {
                    setZone(z)
                    setDone('')
                    save.reset()
                  }}
                  searchable
                  onFocus={(e) => e.currentTarget.select()}
                  allowDeselect={false}
                  nothingFoundMessage={t('settings.clock.zoneNothing')}
                  maxDropdownHeight={280}
                  limit={200}
                  error={zoneError}
                  w={300}
                  maw="100%"
                />
                <TextInput
                  label={t('settings.clock.auditTime')}
                  description={t('settings.clock.auditTimeHint')}
                  value={auditTime}
                  onChange={(e) => {
                    setAudit(e.currentTarget.value)
                    setDone('')
                    save.reset()
                  }}
                  placeholder="04:00"
                  inputMode="numeric"
                  maxLength={5}
                  error={timeError}
                  w={200}
                />
              </Group>
              <Button type="submit" variant="default" mt="sm" loading={save.isPending} disabled={!dirty}>{t('settings.clock.save')}</Button>
            </form>
          </>
        ) : null}
        {save.isError && issues.length === 0 ? <Alert color="red" role="alert">{errorMessage(t, save.error)}</Alert> : null}
        <Text size="sm" role="status" data-testid="hotel-clock-saved">{done}</Text>
      </Stack>
    </Paper>
  )
}
