import { Alert, Button, Card, Center, Divider, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { useSession } from '../../app/session'
import { LanguageSelect } from '../../components/LanguageSelect'
import { firstStartProblems, setupCodeToSend, type FirstStartForm } from './first-start-form'

const standardDepartments = [
  ['front_office', 15],
  ['housekeeping', 30],
  ['restaurant', 20],
  ['concierge', 30],
  ['engineering', 20],
  ['security', 10],
  ['guest_relations', 60],
] as const

interface FirstStartProps {
  demoAvailable: boolean
  /** 'code': this browser is elsewhere on the network and must give the hub's setup code. */
  claim: 'here' | 'code'
}

/** The very first start: load the demo hotel, or name your own and create its administrator. */
export function FirstStartPage({ demoAvailable, claim }: FirstStartProps) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const { refresh } = useSession()
  const [form, setForm] = useState<FirstStartForm>({ hotelEn: '', hotelZh: '', code: '', name: '', pin: '' })
  const [setupCode, setSetupCode] = useState('')
  const [checked, setChecked] = useState(false)
  const problems = firstStartProblems(form, claim, setupCode)
  const shown = checked ? problems : {}
  const problem = (key: keyof typeof problems) => (shown[key] ? t(`firstStart.problems.${shown[key]}`) : undefined)
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ['setup'] })
    await refresh()
  }
  const demo = useMutation({ mutationFn: () => call('setup.loadDemo', { setupCode: setupCodeToSend(claim, setupCode) }), onSuccess: done })
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
        setupCode: setupCodeToSend(claim, setupCode),
      }),
    onSuccess: async () => {
      // A hotel of its own starts with no rooms: the new administrator lands on the set-up checklist.
      window.location.hash = '#/hotel'
      await done()
    },
  })
  const field = (key: keyof FirstStartForm) => ({
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.currentTarget.value }),
    error: problem(key),
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setChecked(true)
    if (Object.keys(problems).length === 0) create.mutate()
  }
  const loadDemo = () => {
    if (claim === 'code' && !setupCode.trim()) {
      setChecked(true)
      return
    }
    demo.mutate()
  }
  return (
    <Center component="main" mih="100vh" p="md">
      <Card withBorder shadow="sm" w={520} maw="100%" p="xl">
        <Stack>
          <Title order={1} size="h2">{t('setup.title')}</Title>
          <Text>{t('setup.intro')}</Text>
          {claim === 'code' ? (
            <TextInput
              label={t('firstStart.setupCode')}
              description={t('firstStart.setupCodeHint')}
              value={setupCode}
              onChange={(e) => setSetupCode(e.currentTarget.value)}
              error={problem('setupCode')}
              required
              autoFocus
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.1em' } }}
              maxLength={40}
            />
          ) : null}
          {demoAvailable ? (
            <>
              <Button size="md" onClick={loadDemo} loading={demo.isPending} autoFocus={claim === 'here'}>
                {t('setup.loadDemo')}
              </Button>
              <Text size="sm" c="dimmed">{t('firstStart.demoExplained')}</Text>
              {demo.isError ? <Alert color="red" role="alert">{errorMessage(t, demo.error)}</Alert> : null}
              <Divider label={t('setup.or')} />
            </>
          ) : null}
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Title order={2} size="h4">{t('setup.ownHotel')}</Title>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
                <TextInput label={t('setup.hotelEn')} {...field('hotelEn')} />
                <TextInput label={t('setup.hotelZh')} {...field('hotelZh')} />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
                <TextInput label={t('setup.adminCode')} required autoComplete="off" autoCapitalize="none" spellCheck={false} {...field('code')} />
                <TextInput label={t('setup.adminName')} required {...field('name')} />
              </SimpleGrid>
              <PasswordInput label={t('setup.adminPin')} description={t('firstStart.adminPinRule')} required inputMode="numeric" autoComplete="new-password" maxLength={8} {...field('pin')} />
              {create.isError ? <Alert color="red" role="alert">{errorMessage(t, create.error)}</Alert> : null}
              <Button type="submit" variant="default" loading={create.isPending}>
                {t('setup.create')}
              </Button>
            </Stack>
          </form>
          <Group justify="flex-end">
            <LanguageSelect />
          </Group>
        </Stack>
      </Card>
    </Center>
  )
}
