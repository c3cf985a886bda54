import { Alert, Autocomplete, Button, Card, Center, Group, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { useSession } from '../../app/session'
import { LanguageSelect } from '../../components/LanguageSelect'
import { pick } from '../../i18n'
import { signInIdentity, staffOptions, waitFor, type SignInIdentity } from './sign-in-identity'

/** One field takes a typed staff code or a picked name; then the PIN. */
export function SignInPage({ hotelName, demo }: { hotelName: { en: string; zh: string } | null; demo: boolean }) {
  const { t, i18n } = useTranslation()
  const { refresh, ended } = useSession()
  const directory = useQuery({ queryKey: ['staff-directory'], queryFn: () => call('staff.directory', {}) })
  const [who, setWho] = useState('')
  const [pin, setPin] = useState('')
  const [whoError, setWhoError] = useState(false)
  const signIn = useMutation({
    mutationFn: (identity: SignInIdentity) => call('session.signIn', { ...identity, pin }),
    onSuccess: () => refresh(),
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const identity = signInIdentity(who, directory.data ?? [], i18n.language)
    setWhoError(identity === null)
    if (identity && pin) signIn.mutate(identity)
  }
  const failure = (error: unknown) => {
    if (!(error instanceof ApiError)) return errorMessage(t, error)
    if (error.code === 'BAD_LOGIN') return t('signIn.badLogin')
    const seconds = error.details?.retryAfterSeconds
    if (error.code === 'RATE_LIMITED' && typeof seconds === 'number') {
      const wait = waitFor(seconds)
      return t(wait.unit === 'seconds' ? 'signIn.waitSeconds' : 'signIn.waitMinutes', { count: wait.count })
    }
    return errorMessage(t, error)
  }
  return (
    <Center component="main" mih="100vh" p="md">
      <Card withBorder shadow="sm" w={420} maw="100%" p="xl">
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">{t('signIn.title')}</Title>
              <Text c="dimmed">{hotelName ? pick(hotelName, i18n.language) : t('app.name')}</Text>
            </div>
            {/* Sent here because the hub ended the session (expired, revoked, signed out elsewhere). */}
            {ended ? <Alert color="orange" role="alert" data-testid="signed-out" styles={{ message: { color: 'var(--mantine-color-text)' } }}>{t('live.signedOut')}</Alert> : null}
            <Autocomplete
              label={t('signIn.who')}
              description={t('signIn.whoHint')}
              placeholder={t('signIn.whoPlaceholder')}
              data={staffOptions(directory.data ?? [], i18n.language).map((o) => o.label)}
              value={who}
              onChange={(value) => {
                setWho(value)
                setWhoError(false)
              }}
              error={whoError ? t('signIn.whoMissing') : undefined}
              // Opening on typing, not on the autofocus, keeps the PIN field visible on a phone.
              openOnFocus={false}
              limit={8}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              data-autofocus
              autoFocus
              required
            />
            <PasswordInput label={t('signIn.pin')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} inputMode="numeric" autoComplete="off" required />
            {demo ? <Text size="sm" c="dimmed">{t('signIn.demoPins')}</Text> : null}
            {signIn.isError ? <Alert color="red" role="alert">{failure(signIn.error)}</Alert> : null}
            <Button type="submit" loading={signIn.isPending} disabled={!who.trim() || !pin}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
        <Group justify="flex-end" mt="md">
          <LanguageSelect />
        </Group>
      </Card>
    </Center>
  )
}
