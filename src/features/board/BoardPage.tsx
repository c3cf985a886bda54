import { Alert, Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Tabs, Text, Textarea, Title, VisuallyHidden } from '@mantine/core'
import type { ReactNode } from 'react'
import { useInterval } from '@mantine/hooks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PromptView } from '../../../electron/core/prompts/prompt.view'
import { call } from '../../api/client'
import { subscribe } from '../../api/live-events'
import { useDepartmentName, useDepartments, useDepartmentWording } from '../../api/reference-data'
import { boardsOf, departmentChoices } from '../../api/department-labels'
import { errorMessage } from '../../app/errors'
import { navigate } from '../../app/hash-route'
import { useSession } from '../../app/session'
import { pick } from '../../i18n'
import { placeOnOpenBoard } from './board-cache'
import { assigneeFromValue, assigneeValue, boardFilterInput, floorsOf, groupBoard, noFilter, type BoardFilter } from './board-order'
import { playChime } from './chime'
import { noticeAdd, noticeSettle, shouldChime, type PromptNotice } from './prompt-notices'
import { PromptCard } from './PromptCard'
import { Dialog } from '../../components/Dialog'
import { ReportButton } from './ReportButton'
// Reporting a problem (issue 13) is fetched when the board is shown, never part of the board's first chunk.
const RaiseProblemButton = lazy(() => import('../recovery/RaiseProblemButton').then((m) => ({ default: m.RaiseProblemButton })))
import { MyObservations, useObservationOutcomes } from '../observations/MyObservations'
import { notify } from '../../components/notify'
import { RoomStatusPanel } from '../rooms/RoomStatusPanel'
import { handsOutPrompts, isDepartmentStaff } from '../../app/role-abilities'
import { needsCleaning } from '../rooms/room-status-view'

/**
 * A department's live board: the guests' standing instructions for the whole stay, then open work
 * (newest urgent first); new ones chime in. Filters by floor and by whose work it is.
 */
export function BoardPage({ department: fromRoute }: { department?: string }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const { staff } = useSession()
  useObservationOutcomes()
  const departments = useDepartments()
  const departmentName = useDepartmentName()
  const wording = useDepartmentWording()
  const ownDepartment = staff && isDepartmentStaff(staff.role) ? staff.department : null
  const ownOnly = ownDepartment !== null
  // Department staff keep to their own board; F&B's office may also open each outlet's.
  const own = ownDepartment !== null ? boardsOf(departments.data ?? [], ownDepartment) : []
  const department = ownDepartment !== null ? (fromRoute && own.includes(fromRoute) ? fromRoute : ownDepartment) : (fromRoute ?? staff?.department ?? 'housekeeping')
  const choices = departmentChoices(departments.data ?? [], wording, ownDepartment ?? undefined)
  const [now, setNow] = useState(Date.now())
  const [declining, setDeclining] = useState<PromptView | null>(null)
  const ticker = useInterval(() => setNow(Date.now()), 30_000)
  useEffect(() => {
    ticker.start()
    return ticker.stop
  }, [ticker])

  const [filter, setFilter] = useState<BoardFilter>(noFilter)
  const filterInput = boardFilterInput(filter)
  const openKey = ['board', department, 'open', filterInput] as const
  const open = useQuery({ queryKey: openKey, queryFn: () => call('prompt.board', { department, which: 'open', ...filterInput }) })
  const closed = useQuery({
    queryKey: ['board', department, 'closed', filterInput],
    queryFn: () => call('prompt.board', { department, which: 'closed', limit: 50, ...filterInput }),
  })
  const sections = groupBoard(open.data ?? [])

  // New prompts group into one notice in the page's flow (never over the board's controls), and
  // stay marked on their cards until someone takes them up.
  const [notice, setNotice] = useState<PromptNotice | null>(null)
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set())
  const [tab, setTab] = useState<string | null>('open')
  // Housekeeping's board holds its prompts and its room status: one at a time, chosen at the top,
  // so the rooms are not buried under a long list of prompts.
  const hasRooms = department === 'housekeeping'
  const [view, setView] = useState<'prompts' | 'rooms'>('prompts')
  // The room list gives the floors to filter by (and housekeeping's room status).
  const rooms = useQuery({ queryKey: ['board', 'rooms'], queryFn: () => call('room.list', {}), refetchInterval: hasRooms ? 30_000 : false })
  const floors = floorsOf(rooms.data ?? [])
  const toClean = (rooms.data ?? []).filter(needsCleaning).length
  const showRooms = hasRooms && view === 'rooms'
  const lastChime = useRef<number | null>(null)
  useEffect(() => {
    setNotice(null)
    setFresh(new Set())
    setFilter(noFilter)
  }, [department])
  useEffect(
    () =>
      subscribe((event) => {
        if (event.name !== 'prompt.created' && event.name !== 'prompt.updated') return
        const prompt = (event.payload as { prompt: PromptView }).prompt
        // F&B's board shows its outlets' prompts too.
        if (prompt.department !== department && prompt.parentDepartment !== department) return
        // Shown at once; the refetch the event causes (api/event-queries.ts) then confirms it.
        queryClient.setQueryData<PromptView[]>(['board', department, 'open', boardFilterInput(filter)], (list) => placeOnOpenBoard(list, prompt, filter, staff?.staffId))
        if (event.name === 'prompt.created') {
          setNow(Date.now())
          setNotice((n) => noticeAdd(n, prompt))
          setFresh((ids) => new Set(ids).add(prompt.id))
          if (shouldChime(lastChime.current, Date.now())) {
            lastChime.current = Date.now()
            playChime()
          }
        } else {
          setNotice((n) => noticeSettle(n, prompt))
          if (prompt.status !== 'open') setFresh((ids) => (ids.has(prompt.id) ? new Set([...ids].filter((id) => id !== prompt.id)) : ids))
        }
      }),
    [department, queryClient, filter, staff?.staffId],
  )
  // Screen readers hear the group once, as it grows: "3 new prompts. Latest: …".
  const announcement = notice ? noticeText(notice) : ''
  function noticeText(n: PromptNotice): string {
    const latest = pick(n.latest, i18n.language)
    return n.ids.length === 1 ? `${t('live.newPrompts', { count: 1 })}: ${latest}` : `${t('live.newPrompts', { count: n.ids.length })}. ${t('live.latest', { text: latest })}`
  }
  const showNew = () => {
    const first = notice?.ids[0]
    setNotice(null)
    setView('prompts')
    setTab('open')
    // After the tab renders: bring the first new prompt into view and give it focus.
    requestAnimationFrame(() => {
      const card = document.querySelector<HTMLElement>(`[data-prompt-id="${first}"]`)
      card?.scrollIntoView({ block: 'center' })
      card?.focus()
    })
  }

  const act = useMutation({
    mutationFn: ({ action, id, reason, staffId }: { action: 'acknowledge' | 'complete' | 'decline' | 'assign'; id: number; reason?: string; staffId?: number | null }) =>
      action === 'decline'
        ? call('prompt.decline', { promptId: id, reason: reason ?? '' })
        : action === 'assign'
          ? call('prompt.assign', { promptId: id, staffId: staffId ?? null })
          : call(`prompt.${action}`, { promptId: id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['board', department] }),
    onError: (error) => notify({ color: 'red', message: errorMessage(t, error) }),
  })

  const cards = (list: PromptView[] | undefined, empty: ReactNode = <Text c="dimmed" py="md">{t('board.empty')}</Text>) =>
    (list ?? []).length === 0 ? (
      empty
    ) : (
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm">
        {(list ?? []).map((p) => (
          <PromptCard
            key={p.id}
            prompt={p}
            now={now}
            fresh={fresh.has(p.id) && p.status === 'open'}
            busy={act.isPending && act.variables?.id === p.id}
            onAcknowledge={() => act.mutate({ action: 'acknowledge', id: p.id })}
            onDone={() => act.mutate({ action: 'complete', id: p.id })}
            onDecline={() => setDeclining(p)}
            onAssign={(staffId) => act.mutate({ action: 'assign', id: p.id, staffId })}
            myStaffId={staff?.staffId}
            handsOut={staff ? handsOutPrompts(staff.role) : false}
          />
        ))}
      </SimpleGrid>
    )

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">{t('board.title', { department: departmentName(department) })}</Title>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {!ownOnly || choices.length > 1 ? (
            <Select
              label={t('board.department')}
              data={choices}
              value={department}
              onChange={(v) => v && navigate('board', v)}
              allowDeselect={false}
              w={220}
            />
          ) : null}
          <ReportButton />
          <Suspense fallback={null}>
            <RaiseProblemButton from="board" department={department} />
          </Suspense>
        </Group>
      </Group>
      <VisuallyHidden role="status" aria-live="polite">{announcement}</VisuallyHidden>
      {notice ? <NewPromptsNotice notice={notice} onShow={showNew} /> : null}
      {open.isError ? <Alert color="red" role="alert">{errorMessage(t, open.error)}</Alert> : null}
      {hasRooms ? (
        <SegmentedControl
          aria-label={t('roomStatus.boardView')}
          value={view}
          onChange={(v) => setView(v as 'prompts' | 'rooms')}
          data={[
            { value: 'prompts', label: t('roomStatus.boardPrompts', { count: open.data?.length ?? 0 }) },
            { value: 'rooms', label: t('roomStatus.boardRooms', { count: toClean }) },
          ]}
          style={{ alignSelf: 'flex-start' }}
          data-testid="board-view"
        />
      ) : null}
      {showRooms ? (
        <RoomStatusPanel department={department} />
      ) : (
        /* Only the chosen list is in the page: a closed prompt must not linger, hidden, among the open ones. */
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="open">{t('board.open', { count: open.data?.length ?? 0 })}</Tabs.Tab>
            <Tabs.Tab value="closed">{t('board.closed')}</Tabs.Tab>
            <Tabs.Tab value="reports">{t('feedback.title')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="open" pt="sm">
            <Stack gap="md">
              <BoardFilters filter={filter} onChange={setFilter} floors={floors} department={department} myStaffId={staff?.staffId} />
              {sections.standing.length > 0 ? (
                <section aria-labelledby="board-standing" data-testid="standing-section">
                  <Title order={2} size="h4" id="board-standing">{t('board.standingTitle', { count: sections.standing.length })}</Title>
                  <Text size="sm" c="dimmed" mb="xs">{t('board.standingIntro')}</Text>
                  {cards(sections.standing)}
                </section>
              ) : null}
              <section aria-labelledby="board-tasks" data-testid="tasks-section">
                <Title order={2} size="h4" id="board-tasks" mb="xs">{t('board.tasksTitle', { count: sections.tasks.length })}</Title>
                {cards(sections.tasks, <Text c="dimmed" py="md">{filter.floor === null && filter.assignee === 'all' ? t('board.empty') : t('board.emptyFiltered')}</Text>)}
              </section>
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="closed" pt="sm">
            <Stack gap="md">
              <BoardFilters filter={filter} onChange={setFilter} floors={floors} department={department} myStaffId={staff?.staffId} />
              {cards(closed.data)}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="reports" pt="sm"><MyObservations titleShown={false} /></Tabs.Panel>
        </Tabs>
      )}
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

/**
 * Whose work and which floor: two choices side by side, one short row even on a phone. Whose work
 * also lists the department's attendants (prompt.assignees), so a lead sees what one of them holds.
 */
function BoardFilters({ filter, onChange, floors, department, myStaffId }: { filter: BoardFilter; onChange: (filter: BoardFilter) => void; floors: number[]; department: string; myStaffId?: number }) {
  const { t } = useTranslation()
  const half = { flex: '1 1 0', minWidth: 0, maxWidth: 220 }
  const attendants = useQuery({ queryKey: ['assignees', department], queryFn: () => call('prompt.assignees', { department }), staleTime: 5 * 60_000 })
  const others = (attendants.data ?? []).filter((s) => s.id !== myStaffId)
  return (
    <Group gap="sm" align="flex-end" wrap="nowrap" data-testid="board-filters">
      <Select
        label={t('board.whose')}
        data={[
          {
            group: t('board.whoseGroup'),
            items: [
              { value: 'all', label: t('board.everyone') },
              { value: 'me', label: t('board.mine') },
              { value: 'unassigned', label: t('board.unassigned') },
            ],
          },
          ...(others.length > 0 ? [{ group: t('board.attendants'), items: others.map((s) => ({ value: assigneeValue(s.id), label: s.name })) }] : []),
        ]}
        value={assigneeValue(filter.assignee)}
        onChange={(v) => v && onChange({ ...filter, assignee: assigneeFromValue(v) })}
        allowDeselect={false}
        searchable={others.length > 8}
        style={half}
        data-testid="assignee-filter"
      />
      {floors.length > 1 ? (
        <Select
          label={t('board.floor')}
          data={[{ value: 'all', label: t('board.allFloors') }, ...floors.map((f) => ({ value: String(f), label: t('board.floorN', { floor: f }) }))]}
          value={filter.floor === null ? 'all' : String(filter.floor)}
          onChange={(v) => onChange({ ...filter, floor: v && v !== 'all' ? Number(v) : null })}
          allowDeselect={false}
          style={half}
          data-testid="floor-filter"
        />
      ) : null}
    </Group>
  )
}

/** One notice for every new prompt not yet taken up: "3 new prompts", the newest under it. */
function NewPromptsNotice({ notice, onShow }: { notice: PromptNotice; onShow: () => void }) {
  const { t, i18n } = useTranslation()
  const latest = pick(notice.latest, i18n.language)
  const count = notice.ids.length
  return (
    <Alert
      color={notice.urgent ? 'red' : 'indigo'}
      variant="light"
      p="sm"
      data-testid="new-prompts"
      data-count={count}
      styles={{ title: { color: 'var(--mantine-color-text)' }, message: { color: 'var(--mantine-color-text)' } }}
      title={t('live.newPrompts', { count })}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm" align="center">
        <Text size="sm" lineClamp={2} style={{ minWidth: 0 }}>
          {count === 1 ? latest : t('live.latest', { text: latest })}
        </Text>
        <Button size="xs" variant="default" onClick={onShow} style={{ flexShrink: 0 }}>
          {t('live.showNew', { count })}
        </Button>
      </Group>
    </Alert>
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
    <Dialog opened={prompt !== null} onClose={onClose} title={t('board.declineTitle')}>
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
    </Dialog>
  )
}
