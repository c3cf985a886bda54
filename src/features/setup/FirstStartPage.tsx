import { Alert, Button, Card, Center, Divider, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { useSession } from '../../app/session'

const standardDepartments = [
  ['front_office', 15],
  ['housekeeping', 30],
  ['restaurant', 20],
  ['concierge', 30],
  ['engineering', 20],
  ['security', 10],
  ['guest_relations', 60],
] as const

/** The very first start: load the demo hotel, or name your own and create its administrator. */
export function FirstStartPage({ demoAvailable }: { demoAvailable: boolean }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const { refresh } = useSession()
  const [form, setForm] = useState({ hotelEn: '', hotelZh: '', code: '', name: '', pin: '' })
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ['setup'] })
    await refresh()
  }
  const demo = useMutation({ mutationFn: () => call('setup.loadDemo', {}), onSuccess: done })
  const create = useMutation({
    mutationFn: () =>
      call('setup.createFirstAdmin', {
        hotelName: { en: form.hotelEn || form.hotelZh, zh: form.hotelZh || form.hotelEn },
        departments: standardDepartments.map(([code, minutes]) => ({
          code,
          name: { en: i18n.getFixedT('en')(`departments.${code}`), zh: i18n.getFixedT('zh-CN')(`departments.${code}`) },
          promiseMinutes: minutes,
        })),
        admin: { code: form.code, name: form.name, pin: form.pin },
      }),
    onSuccess: done,
  })
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.currentTarget.value }),
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    create.mutate()
  }
  return (
    <Center component="main" mih="100vh" p="md">
      <Card withBorder shadow="sm" w={520} maw="100%" p="xl">
        <Stack>
          <Title order={1} size="h2">{t('setup.title')}</Title>
          <Text>{t('setup.intro')}</Text>
          {demoAvailable ? (
            <>
              <Button size="md" onClick={() => demo.mutate()} loading={demo.isPending} autoFocus>
                {t('setup.loadDemo')}
              </Button>
              <Text size="sm" c="dimmed">{t('setup.demoExplained')}</Text>
              {demo.isError ? <Alert color="red" role="alert">{errorMessage(t, demo.error)}</Alert> : null}
              <Divider label={t('setup.or')} />
            </>
          ) : null}
          <form onSubmit={submit}>
            <Stack gap="sm">
              <Title order={2} size="h4">{t('setup.ownHotel')}</Title>
              <Group grow>
                <TextInput label={t('setup.hotelEn')} {...field('hotelEn')} />
                <TextInput label={t('setup.hotelZh')} {...field('hotelZh')} />
              </Group>
              <Group grow>
                <TextInput label={t('setup.adminCode')} required {...field('code')} />
                <TextInput label={t('setup.adminName')} required {...field('name')} />
              </Group>
              <PasswordInput label={t('setup.adminPin')} description={t('setup.pinRule')} required inputMode="numeric" {...field('pin')} />
              {create.isError ? <Alert color="red" role="alert">{errorMessage(t, create.error)}</Alert> : null}
              <Button type="submit" variant="default" loading={create.isPending} disabled={!(form.hotelEn || form.hotelZh)}>
                {t('setup.create')}
              </Button>
            </Stack>
          </form>
        </Stack>
      </Card>
    </Center>
  )
}
