import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { hotelNameProblems, problemsFromIssues, type HotelNameForm, type Problems } from './hotel-setup-form'

/** The hotel's name in English and Chinese: the sign-in screen, the header and printed cards show it. */
export function HotelNameSection({ name }: { name: HotelNameForm }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [form, setForm] = useState<HotelNameForm>(name)
  const [problems, setProblems] = useState<Problems>({})
  const [done, setDone] = useState('')
  const save = useMutation({
    mutationFn: (f: HotelNameForm) => call('hotel.setName', { name: { en: f.en.trim(), zh: f.zh.trim() } }),
    onSuccess: async () => {
      setDone(t('hotelSetup.name.saved'))
      await queryClient.invalidateQueries({ queryKey: ['hotel-profile'] })
      // The header and the sign-in screen read the name from setup.status.
      await queryClient.invalidateQueries({ queryKey: ['setup'] })
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VALIDATION') {
        const issues = ((error.details ?? {}) as { issues?: { path: string; message: string }[] }).issues ?? []
        const mapped = problemsFromIssues(issues.map((i) => ({ ...i, path: i.path.replace(/^name\./, '') })), hotelNameProblems(form))
        setProblems(mapped)
      }
    },
  })
  const change = (next: HotelNameForm) => {
    setForm(next)
    setDone('')
    save.reset()
    if (Object.keys(problems).length > 0) setProblems(hotelNameProblems(next))
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const found = hotelNameProblems(form)
    setProblems(found)
    if (Object.keys(found).length === 0) save.mutate(form)
  }
  const error = (path: string) => (problems[path] ? t(`hotelSetup.problems.${problems[path].key}`, problems[path].values) : undefined)
  const otherFailure = save.isError && !(save.error instanceof ApiError && save.error.code === 'VALIDATION')
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="hotel-name-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="hotel-name-title">{t('hotelSetup.name.title')}</Title>
          <Text size="sm" c="dimmed">{t('hotelSetup.name.intro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('hotelSetup.name.en')} value={form.en} onChange={(e) => change({ ...form, en: e.currentTarget.value })} error={error('en')} maxLength={120} required />
            <TextInput label={t('hotelSetup.name.zh')} value={form.zh} onChange={(e) => change({ ...form, zh: e.currentTarget.value })} error={error('zh')} maxLength={120} required lang="zh-CN" />
          </SimpleGrid>
          <Group>
            <Button type="submit" variant="default" loading={save.isPending}>{t('hotelSetup.name.save')}</Button>
          </Group>
          {otherFailure ? <Alert color="red" role="alert">{errorMessage(t, save.error)}</Alert> : null}
          <Text size="sm" role="status" data-testid="hotel-name-saved">{done}</Text>
        </Stack>
      </form>
    </Paper>
  )
}
