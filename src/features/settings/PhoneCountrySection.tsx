import { Alert, Button, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { getCountries } from 'libphonenumber-js'
import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { countryLabel, countryOptions, filterCountries, type CountryOption } from './phone-countries'

/**
 * The hotel's phone country (managers and administrators): phones typed without a prefix are read
 * as numbers of this country. Saving re-reads every stored phone, at once or at the next start.
 */
export function PhoneCountrySection() {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const current = useQuery({ queryKey: ['hotel-phone-country'], queryFn: () => call('hotel.phoneCountry', {}) })
  const [chosen, setChosen] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const options = useMemo(() => countryOptions(getCountries(), i18n.language), [i18n.language])
  const save = useMutation({
    mutationFn: (country: string) => call('hotel.setPhoneCountry', { country }),
    onSuccess: (value) => {
      queryClient.setQueryData(['hotel-phone-country'], { country: value.country })
      setChosen(null)
      const message = t(value.reindexed === 'now' ? 'settings.phoneCountry.savedNow' : 'settings.phoneCountry.savedNextStart', {
        country: countryLabel(value.country, i18n.language),
      })
      // Said in the page's flow (a polite status), where the Save button is, not in a toast.
      setDone(message)
      // Search answers read stored phones: what was found before may now read differently.
      void queryClient.invalidateQueries({ queryKey: ['search'] })
    },
  })
  const value = chosen ?? current.data?.country ?? null
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (value && value !== current.data?.country) save.mutate(value)
  }
  const failure = save.error instanceof ApiError && save.error.code === 'VALIDATION' ? t('settings.phoneCountry.invalid') : save.isError ? errorMessage(t, save.error) : null

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="phone-country-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="phone-country-title">{t('settings.phoneCountry.title')}</Title>
        <Text size="sm" c="dimmed">{t('settings.phoneCountry.intro')}</Text>
        {current.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
        {current.isError ? <Alert color="red" role="alert">{errorMessage(t, current.error)}</Alert> : null}
        {current.data ? (
          <form onSubmit={submit} noValidate>
            <Group align="flex-end" gap="sm">
              <Select
                label={t('settings.phoneCountry.label')}
                description={t('settings.phoneCountry.hint')}
                data={options}
                value={value}
                onChange={(code) => {
                  setChosen(code)
                  setDone(null)
                  save.reset()
                }}
                searchable
                filter={({ options, search }) => filterCountries(options as CountryOption[], search)}
                // Typing replaces the country shown instead of adding to its name.
                onFocus={(e) => e.currentTarget.select()}
                allowDeselect={false}
                nothingFoundMessage={t('settings.phoneCountry.nothingFound')}
                maxDropdownHeight={280}
                w={320}
                data-testid="phone-country-select"
              />
              <Button type="submit" variant="default" loading={save.isPending} disabled={!value || value === current.data.country}>
                {t('settings.phoneCountry.save')}
              </Button>
            </Group>
          </form>
        ) : null}
        {failure ? <Alert color="red" role="alert">{failure}</Alert> : null}
        <Text size="sm" role="status" data-testid="phone-country-saved">{done ?? ''}</Text>
      </Stack>
    </Paper>
  )
}
