import { Alert, Button, Group, Loader, Paper, Radio, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsentKind, ConsentMethod } from '../../../electron/core/guests/consent.types'
import type { GuestCard } from '../../../electron/core/guests/guest.card'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { notify } from '../../components/notify'
import { useProfileMutation } from './use-profile-mutation'
import { useDateTime } from './when'

// The compiler checks these name every kind and method core knows (consent.types.ts).
const consentKinds = Object.keys({ marketing: true, sensitive: true } satisfies Record<ConsentKind, true>) as ConsentKind[]
const consentMethods = Object.keys({ in_person: true, paper_form: true, phone: true, email: true, online: true, pms: true } satisfies Record<ConsentMethod, true>) as ConsentMethod[]

const statusOf = (v: boolean | null) => (v === null ? 'unknown' : v ? 'given' : 'withdrawn')
const statusColor = { given: undefined, withdrawn: 'red.9', unknown: 'dimmed' } as const

/**
 * The guest's consents (PIPL Art. 14, 29): each kind's current value, a form to record one given
 * or withdrawn (how, a note; by the signed-in person, now), and the history of every record.
 */
export function ConsentPanel({ guest }: { guest: GuestCard['guest'] }) {
  const { t } = useTranslation()
  const dateTime = useDateTime()
  const [kind, setKind] = useState<ConsentKind>('sensitive')
  const [given, setGiven] = useState<'given' | 'withdrawn'>('given')
  const [method, setMethod] = useState<ConsentMethod>('in_person')
  const [note, setNote] = useState('')
  const records = useQuery({ queryKey: ['consent', guest.id], queryFn: () => call('consent.list', { guestId: guest.id }) })
  const save = useProfileMutation(
    guest.id,
    () => call('consent.record', { guestId: guest.id, kind, given: given === 'given', method, note: note.trim() || null }),
    (result) => {
      setNote('')
      void records.refetch()
      const effect = result.removedPreferences + result.madeStayOnly + result.cancelledPrompts > 0
      notify({
        color: 'green',
        message: effect ? t('privacy.consent.withdrawEffect', { removed: result.removedPreferences, stayOnly: result.madeStayOnly, prompts: result.cancelledPrompts }) : t('privacy.consent.saved'),
      })
    },
  )
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate(undefined)
  }
  const current = { marketing: guest.consentMarketing, sensitive: guest.consentSensitive }
  const methodLabel = (m: string) => t(`privacy.consent.methods.${m}`, { defaultValue: m })

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consent-title" data-testid="consent-panel">
      <Stack gap="sm">
        <Title order={2} size="h4" id="consent-title">{t('privacy.consent.title')}</Title>
        <Stack gap={4} component="dl" m={0}>
          {consentKinds.map((k) => (
            <Group key={k} gap="xs" justify="space-between" wrap="nowrap">
              <Text component="dt" size="sm">{t(`privacy.consent.kind.${k}`)}</Text>
              <Text component="dd" m={0} size="sm" fw={700} c={statusColor[statusOf(current[k])]} data-testid={`consent-${k}`}>
                {t(`privacy.consent.status.${statusOf(current[k])}`)}
              </Text>
            </Group>
          ))}
        </Stack>
        <form onSubmit={submit} aria-labelledby="consent-record-title">
          <Stack gap="xs">
            <Title order={3} size="h6" id="consent-record-title">{t('privacy.consent.record')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              <Select label={t('privacy.consent.which')} data={consentKinds.map((k) => ({ value: k, label: t(`privacy.consent.kind.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as ConsentKind)} allowDeselect={false} />
              <Select label={t('privacy.consent.method')} data={consentMethods.map((m) => ({ value: m, label: methodLabel(m) }))} value={method} onChange={(v) => v && setMethod(v as ConsentMethod)} allowDeselect={false} />
            </SimpleGrid>
            <Radio.Group label={t('privacy.consent.choice')} value={given} onChange={(v) => setGiven(v as 'given' | 'withdrawn')}>
              <Group gap="md" mt={4}>
                <Radio value="given" label={t('privacy.consent.gives')} />
                <Radio value="withdrawn" label={t('privacy.consent.withdraws')} />
              </Group>
            </Radio.Group>
            <Textarea label={t('privacy.consent.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={1} />
            {save.isError ? <Alert color="red" role="alert">{errorMessage(t, save.error)}</Alert> : null}
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>{t('privacy.consent.save')}</Button>
            </Group>
          </Stack>
        </form>
        <Title order={3} size="h6" id="consent-history-title">{t('privacy.consent.history')}</Title>
        {records.isLoading ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
        {records.isError ? <Alert color="red" role="alert">{errorMessage(t, records.error)}</Alert> : null}
        {records.isSuccess && records.data.length === 0 ? <Text size="sm" c="dimmed">{t('privacy.consent.none')}</Text> : null}
        <Stack component="ol" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="consent-history-title" data-testid="consent-history">
          {(records.data ?? []).map((r) => (
            <li key={r.id}>
              <Text size="sm">{t(`privacy.consent.kind.${r.kind}`)}</Text>
              <Text size="xs" c="dimmed">
                {t('privacy.consent.line', { status: t(`privacy.consent.status.${r.given ? 'given' : 'withdrawn'}`), method: methodLabel(r.method), when: dateTime(r.at), staff: r.staff ?? t('privacy.consent.unknownStaff') })}
              </Text>
              {r.note ? <Text size="xs">{r.note}</Text> : null}
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  )
}
