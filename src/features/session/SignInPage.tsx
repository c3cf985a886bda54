import { Alert, Button, Card, Center, PasswordInput, Select, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { useSession } from '../../app/session'
import { pick } from '../../i18n'

export function SignInPage({ hotelName, demo }: { hotelName: { en: string; zh: string } | null; demo: boolean }) {
  const { t, i18n } = useTranslation()
  const { refresh } = useSession()
  const directory = useQuery({ queryKey: ['staff-directory'], queryFn: () => call('staff.directory', {}) })
  const [code, setCode] = useState<string | null>(null)
  const [pin, setPin] = useState('')
  const signIn = useMutation({
    mutationFn: () => call('session.signIn', { code: code ?? '', pin }),
    onSuccess: () => refresh(),
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (code && pin) signIn.mutate()
  }
  const options = (directory.data ?? []).map((s) => ({
    value: s.code,
    label: `${s.name}${s.romanName && s.romanName !== s.name ? ` (${s.romanName})` : ''} · ${t(`roles.${s.role}`)}`,
  }))
  return (
    <Center component="main" mih="100vh" p="md">
      <Card withBorder shadow="sm" w={420} maw="100%" p="xl">
        <form onSubmit={submit}>
          <Stack>
            <div>
              <Title order={1} size="h2">{t('signIn.title')}</Title>
              <Text c="dimmed">{hotelName ? pick(hotelName, i18n.language) : t('app.name')}</Text>
            </div>
            <Select
              label={t('signIn.staff')}
              placeholder={t('signIn.staffPlaceholder')}
              data={options}
              value={code}
              onChange={setCode}
              searchable
              // Opening on typing, not on the autofocus, keeps the PIN field visible on a phone.
              openOnFocus={false}
              data-autofocus
              autoFocus
              required
              nothingFoundMessage={t('signIn.noStaff')}
            />
            <PasswordInput label={t('signIn.pin')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} inputMode="numeric" autoComplete="off" required />
            {demo ? <Text size="sm" c="dimmed">{t('signIn.demoHint')}</Text> : null}
            {signIn.isError ? <Alert color="red" role="alert">{errorMessage(t, signIn.error)}</Alert> : null}
            <Button type="submit" loading={signIn.isPending} disabled={!code || !pin}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Center>
  )
}
