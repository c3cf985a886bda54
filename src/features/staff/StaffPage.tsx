import { Alert, Badge, Button, Group, Loader, Menu, SegmentedControl, Select, Stack, Table, Text, TextInput, Title, UnstyledButton, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../electron/core/staff/roles'
import { call } from '../../api/client'
import { useDepartmentName } from '../../api/reference-data'
import { errorMessage } from '../../app/errors'
import { useHotelTime } from '../../app/hotel-time'
import { useSession } from '../../app/session'
import { StaffDialog } from './StaffDialog'
import { StaffActionDialog, type StaffAction } from './StaffActionDialog'
import { filterStaff, staffRoles, type StaffEntry, type StaffFilter, type StaffStatusFilter } from './staff-filter'

/**
 * Staff accounts, for administrators: who may sign in, with which role and department. Add, edit,
 * deactivate or reactivate, reset a PIN (a temporary one, shown once), end someone's sessions.
 */
export function StaffPage() {
  const { t } = useTranslation()
  const { staff: me } = useSession()
  const list = useQuery({ queryKey: ['staff', 'list'], queryFn: () => call('staff.list', {}) })
  const departmentName = useDepartmentName()
  const time = useHotelTime()
  const [filter, setFilter] = useState<StaffFilter>({ status: 'active', role: null, text: '' })
  const [editing, setEditing] = useState<StaffEntry | null | 'new'>(null)
  const [action, setAction] = useState<{ kind: StaffAction; person: StaffEntry } | null>(null)
  const shown = filterStaff(list.data ?? [], filter)
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">{t('staff.title')}</Title>
          <Text c="dimmed" size="sm">{t('staff.intro')}</Text>
        </div>
        <Button onClick={() => setEditing('new')} data-testid="staff-add">{t('staff.add.open')}</Button>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap" role="group" aria-label={t('staff.filters.label')}>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="staff-status-label">{t('staff.filters.status')}</Text>
          <SegmentedControl
            aria-labelledby="staff-status-label"
            value={filter.status}
            onChange={(value) => setFilter({ ...filter, status: value as StaffStatusFilter })}
            data={(['active', 'inactive', 'all'] as const).map((s) => ({ value: s, label: t(`staff.filters.${s}`) }))}
          />
        </Stack>
        <Select
          label={t('staff.filters.role')}
          data={[{ value: '', label: t('staff.filters.anyRole') }, ...staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
          value={filter.role ?? ''}
          onChange={(value) => setFilter({ ...filter, role: (value || null) as Role | null })}
          allowDeselect={false}
          w={200}
        />
        <TextInput label={t('staff.filters.text')} placeholder={t('staff.filters.textPlaceholder')} value={filter.text} onChange={(e) => setFilter({ ...filter, text: e.currentTarget.value })} w={200} />
      </Group>
      {list.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
      {list.isError ? <Alert color="red" role="alert">{errorMessage(t, list.error)}</Alert> : null}
      {list.isSuccess ? (
        <Table.ScrollContainer minWidth={720} tabIndex={0} role="region" aria-label={t('staff.table')}>
          <Table striped highlightOnHover verticalSpacing="xs" data-testid="staff-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staff.columns.name')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('staff.columns.actions')}</VisuallyHidden></Table.Th>
                <Table.Th>{t('staff.columns.role')}</Table.Th>
                <Table.Th>{t('staff.columns.department')}</Table.Th>
                <Table.Th>{t('staff.columns.status')}</Table.Th>
                <Table.Th>{t('staff.columns.lastSignIn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((s) => (
                <Table.Tr key={s.id} data-staff={s.code}>
                  <Table.Td>
                    <Text size="sm" fw={600}>{s.name}{s.id === me?.staffId ? <Text span c="dimmed" size="xs" ml={6}>{t('staff.you')}</Text> : null}</Text>
                    <Text size="xs" c="dimmed">{s.code}{s.romanName ? ` · ${s.romanName}` : ''}</Text>
                  </Table.Td>
                  <Table.Td>
                    <RowActions person={s} self={s.id === me?.staffId} onEdit={() => setEditing(s)} onAction={(kind) => setAction({ kind, person: s })} />
                  </Table.Td>
                  <Table.Td>{t(`roles.${s.role}`)}</Table.Td>
                  <Table.Td>{departmentName(s.department)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="filled" color={s.active ? 'teal.9' : 'gray.7'}>{s.active ? t('staff.status.active') : t('staff.status.inactive')}</Badge>
                      {s.mustChangePin ? <Badge variant="filled" color="yellow.4" c="dark">{t('staff.status.mustChangePin')}</Badge> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{s.lastSignInAt ? time.dateTime(s.lastSignInAt) : <Text span size="sm" c="dimmed">{t('staff.never')}</Text>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {shown.length === 0 ? <Text c="dimmed" size="sm" mt="sm">{t('staff.none')}</Text> : null}
        </Table.ScrollContainer>
      ) : null}
      <StaffDialog opened={editing !== null} editing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      <StaffActionDialog action={action} onClose={() => setAction(null)} />
    </Stack>
  )
}

/** One person's actions, behind one button named after them; what cannot be done to yourself is left out. */
function RowActions({ person, self, onEdit, onAction }: { person: StaffEntry; self: boolean; onEdit: () => void; onAction: (kind: StaffAction) => void }) {
  const { t } = useTranslation()
  return (
    <Menu position="bottom-start" shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t('staff.actions.for', { name: person.name })} data-testid={`staff-actions-${person.code}`}>
          <Text span size="sm" c="var(--mantine-color-anchor)" fw={500}>{t('staff.actions.label')} <span aria-hidden>▾</span></Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={onEdit}>{t('staff.actions.edit')}</Menu.Item>
        {!self ? <Menu.Item onClick={() => onAction('resetPin')}>{t('staff.actions.resetPin')}</Menu.Item> : null}
        {!self ? <Menu.Item onClick={() => onAction('endSessions')}>{t('staff.actions.endSessions')}</Menu.Item> : null}
        {!self && person.active ? <Menu.Item color="red" onClick={() => onAction('deactivate')}>{t('staff.actions.deactivate')}</Menu.Item> : null}
        {!person.active ? <Menu.Item onClick={() => onAction('reactivate')}>{t('staff.actions.reactivate')}</Menu.Item> : null}
      </Menu.Dropdown>
    </Menu>
  )
}
