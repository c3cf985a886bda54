import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Tabs, Text, Textarea, Title, VisuallyHidden } from '@mantine/core'
import { useInterval } from '@mantine/hooks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PromptView } from '../../../electron/core/prompts/prompt.view'
import { call, subscribe } from '../../api/client'
import { useDepartmentName, useDepartments } from '../../api/reference-data'
import { errorMessage } from '../../app/errors'
import { navigate } from '../../app/hash-route'
import { useSession } from '../../app/session'
import { pick } from '../../i18n'
import { placeOnOpenBoard } from './board-cache'
import { playChime } from './chime'
import { PromptCard } from './PromptCard'
import { ReportButton } from './ReportButton'
import { MyObservations, useObservationOutcomes } from '../observations/MyObservations'
import { notify } from '../../components/notify'

/** A department's live board: open prompts by priority and due time; new ones chime in. */
export function BoardPage({ department: fromRoute }: { department?: string }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const { staff } = useSession()
  useObservationOutcomes()
  const departments = useDepartments()
  const departmentName = useDepartmentName()
  const ownOnly = staff?.role === 'department'
  const department = ownOnly ? staff.department : (fromRoute ?? staff?.department ?? 'housekeeping')
  const [now, setNow] = useState(Date.now())
  const [announcement, setAnnouncement] = useState('')
  const [declining, setDeclining] = useState<PromptView | null>(null)
  const ticker = useInterval(() => setNow(Date.now()), 30_000)
  useEffect(() => {
    ticker.start()
    return ticker.stop
  }, [ticker])

  const open = useQuery({ queryKey: ['board', department, 'open'], queryFn: () => call('prompt.board', { department, which: 'open' }) })
  const closed = useQuery({ queryKey: ['board', department, 'closed'], queryFn: () => call('prompt.board', { department, which: 'closed', limit: 50 }) })

  useEffect(
    () =>
      subscribe((event) => {
        if (event.name !== 'prompt.created' && event.name !== 'prompt.updated') return
        const prompt = (event.payload as { prompt: PromptView }).prompt
        if (prompt.department !== department) return
        queryClient.setQueryData<PromptView[]>(['board', department, 'open'], (list) => placeOnOpenBoard(list, prompt))
        void queryClient.invalidateQueries({ queryKey: ['board', department] })
        if (event.name === 'prompt.created') {
          const text = pick(prompt.text, i18n.language)
          setNow(Date.now())
          setAnnouncement(t('board.newPrompt', { text }))
          notify({ title: t('board.newPromptTitle'), message: text, color: prompt.priority === 'urgent' ? 'red' : 'indigo', autoClose: 8000 })
          playChime()
        }
      }),
    [department, queryClient, t, i18n.language],
  )

  const act = useMutation({
    mutationFn: ({ action, id, reason }: { action: 'acknowledge' | 'complete' | 'decline'; id: number; reason?: string }) =>
      action === 'decline' ? call('prompt.decline', { promptId: id, reason: reason ?? '' }) : call(`prompt.${action}`, { promptId: id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['board', department] }),
    onError: (error) => notify({ color: 'red', message: errorMessage(t, error) }),
  })

  const cards = (list: PromptView[] | undefined) =>
    (list ?? []).length === 0 ? (
      <Text c="dimmed" py="md">{t('board.empty')}</Text>
    ) : (
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm">
        {(list ?? []).map((p) => (
          <PromptCard
            key={p.id}
            prompt={p}
            now={now}
            busy={act.isPending && act.variables?.id === p.id}
            onAcknowledge={() => act.mutate({ action: 'acknowledge', id: p.id })}
            onDone={() => act.mutate({ action: 'complete', id: p.id })}
            onDecline={() => setDeclining(p)}
          />
        ))}
      </SimpleGrid>
    )

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">{t('board.title', { department: departmentName(department) })}</Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {!ownOnly ? (
            <Select
              label={t('board.department')}
              data={(departments.data ?? []).map((d) => ({ value: d.code, label: pick(d.name, i18n.language) }))}
              value={department}
              onChange={(v) => v && navigate('board', v)}
              allowDeselect={false}
              w={220}
            />
          ) : null}
          <ReportButton />
        </Group>
      </Group>
      <VisuallyHidden role="status" aria-live="polite">{announcement}</VisuallyHidden>
      {open.isError ? <Alert color="red" role="alert">{errorMessage(t, open.error)}</Alert> : null}
      {/* Only the chosen list is in the page: a closed prompt must not linger, hidden, among the open ones. */}
      <Tabs defaultValue="open" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="open">{t('board.open', { count: open.data?.length ?? 0 })}</Tabs.Tab>
          <Tabs.Tab value="closed">{t('board.closed')}</Tabs.Tab>
          <Tabs.Tab value="reports">{t('feedback.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="open" pt="sm">{cards(open.data)}</Tabs.Panel>
        <Tabs.Panel value="closed" pt="sm">{cards(closed.data)}</Tabs.Panel>
        <Tabs.Panel value="reports" pt="sm"><MyObservations titleShown={false} /></Tabs.Panel>
      </Tabs>
      <DeclineDialog
        prompt={declining}
        onClose={() => setDeclining(null)}
        onDecline={(reason) => {
          if (declining) act.mutate({ action: 'decline', id: declining.id, reason }, { onSuccess: () => setDeclining(null) })
        }}
        pending={act.isPending}
      />
    </Stack>
  )
}

function DeclineDialog({ prompt, onClose, onDecline, pending }: { prompt: PromptView | null; onClose: () => void; onDecline: (reason: string) => void; pending: boolean }) {
  const { t, i18n } = useTranslation()
  const [reason, setReason] = useState('')
  const tooShort = reason.trim().length < 3
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (!tooShort) onDecline(reason.trim())
  }
  return (
    <Modal opened={prompt !== null} onClose={onClose} title={t('board.declineTitle')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">{prompt ? pick(prompt.text, i18n.language) : ''}</Text>
          <Textarea label={t('board.declineReason')} description={t('board.declineHint')} required data-autofocus value={reason} onChange={(e) => setReason(e.currentTarget.value)} minRows={2} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('app.cancel')}</Button>
            <Button type="submit" color="red.9" disabled={tooShort} loading={pending}>{t('board.decline')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
