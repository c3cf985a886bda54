import { Alert, Button, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, call } from '../../api/client'
import { errorMessage } from '../../app/errors'

/**
 * The ISO 4217 currencies the browser knows, named in the UI language and sorted as that
 * language sorts: "Chinese Yuan (CNY)", "人民币（CNY）". A code the browser cannot name is shown alone.
 */
export function currencyOptions(language: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([language, 'en'], { type: 'currency', fallback: 'code' })
  const chinese = language.startsWith('zh')
  const options = Intl.supportedValuesOf('currency').map((code) => {
    const name = names.of(code) ?? code
    return { value: code, label: name === code ? code : chinese ? `${name}（${code}）` : `${name} (${code})` }
  })
  const collator = new Intl.Collator([language, 'en'])
  return options.sort((a, b) => collator.compare(a.label, b.label))
}

/**
 * The hotel's currency (managers and administrators): compensation and other money are kept and
 * shown in it (`hotel.currency`, `hotel.setCurrency`).
 */
export function CurrencySection() {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const current = useQuery({ queryKey: ['hotel-currency'], queryFn: () => call('hotel.currency', {}) })
  const [chosen, setChosen] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const options = useMemo(() => currencyOptions(i18n.language), [i18n.language])
  const save = useMutation({
    mutationFn: (currency: string) => call('hotel.setCurrency', { currency }),
    onSuccess: (value) => {
      queryClient.setQueryData(['hotel-currency'], value)
      setChosen(null)
      setDone(t('settings.currency.saved', { currency: options.find((o) => o.value === value.currency)?.label ?? value.currency }))
    },
  })
  const value = chosen ?? current.data?.currency ?? null
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (value && value !== current.data?.currency) save.mutate(value)
  }
  const locked = save.error instanceof ApiError ? (save.error.details?.issues as { problem?: string; params?: { currency?: string } }[] | undefined)?.find((i) => i.problem === 'compensation_recorded') : undefined
  const failure = locked
    ? t('recovery.fieldError.currencyLocked', { currency: locked.params?.currency ?? '' })
    : save.error instanceof ApiError && save.error.code === 'VALIDATION' ? t('settings.currency.invalid') : save.isError ? errorMessage(t, save.error) : null

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="currency-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="currency-title">{t('settings.currency.title')}</Title>
        <Text size="sm" c="dimmed">{t('settings.currency.intro')}</Text>
        {current.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
        {current.isError ? <Alert color="red" role="alert">{errorMessage(t, current.error)}</Alert> : null}
        {current.data ? (
          <form onSubmit={submit} noValidate>
            <Group align="flex-end" gap="sm">
              <Select
                label={t('settings.currency.label')}
                description={t('settings.currency.hint')}
                data={options}
                value={value}
                onChange={(code) => {
                  setChosen(code)
                  setDone(null)
                  save.reset()
                }}
                searchable
                onFocus={(e) => e.currentTarget.select()}
                allowDeselect={false}
                nothingFoundMessage={t('settings.currency.nothingFound')}
                maxDropdownHeight={280}
                w={320}
                maw="100%"
                data-testid="currency-select"
              />
              <Button type="submit" variant="default" loading={save.isPending} disabled={!value || value === current.data.currency}>
                {t('settings.currency.save')}
              </Button>
            </Group>
          </form>
        ) : null}
        {failure ? <Alert color="red" role="alert">{failure}</Alert> : null}
        <Text size="sm" role="status" data-testid="currency-saved">{done ?? ''}</Text>
      </Stack>
    </Paper>
  )
}
