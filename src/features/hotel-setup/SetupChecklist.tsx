import { Anchor, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useDepartments } from '../../api/reference-data'
import { setupChecklist, type ChecklistStep } from './hotel-setup-form'

/** Where each step is done (staff: the administrator's Staff screen). */
const stepPage: Record<ChecklistStep, string | null> = { rooms: '#/rooms', departments: null, rules: '#/rules', staff: '#/staff' }

/** "Set up your hotel": rooms, departments, rules, staff, each ticked once the hotel has some. */
export function SetupChecklist() {
  const { t } = useTranslation()
  const setup = useQuery({ queryKey: ['setup'], queryFn: () => call('setup.status', {}) })
  const departments = useDepartments()
  const rules = useQuery({ queryKey: ['rules'], queryFn: () => call('rule.list', {}) })
  const staff = useQuery({ queryKey: ['staff-directory'], queryFn: () => call('staff.directory', {}) })
  if (!setup.data || !departments.data || !rules.data || !staff.data) return null
  const steps = setupChecklist({
    rooms: setup.data.rooms,
    departments: departments.data.length,
    rules: rules.data.filter((r) => r.active).length,
    staff: staff.data.length,
  })
  const left = steps.filter((s) => !s.done).length
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="checklist-title" data-testid="setup-checklist">
      <Stack gap="xs">
        <Title order={2} size="h3" id="checklist-title">{t('hotelSetup.checklist.title')}</Title>
        <Text size="sm" c="dimmed">{left === 0 ? t('hotelSetup.checklist.allDone') : t('hotelSetup.checklist.intro', { count: left })}</Text>
        <List spacing="xs" listStyleType="none" p={0}>
          {steps.map((s) => (
            <List.Item key={s.step} data-testid={`checklist-${s.step}`} data-done={s.done || undefined}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <ThemeIcon size="sm" radius="xl" color={s.done ? 'teal.8' : 'gray.6'} variant={s.done ? 'filled' : 'outline'} aria-hidden>
                  <span style={{ fontSize: 11 }}>{s.done ? '✓' : ''}</span>
                </ThemeIcon>
                <Text size="sm">
                  <Text span fw={600}>{t(`hotelSetup.checklist.${s.step}`)}</Text>{' '}
                  <Text span>{s.done ? t('hotelSetup.checklist.done', { count: s.count }) : t('hotelSetup.checklist.todo')}</Text>{' '}
                  <Text span c="dimmed">{t(s.step === 'staff' && s.done ? 'hotelSetup.checklist.staffDoneHint' : `hotelSetup.checklist.${s.step}Hint`, { count: s.count })}</Text>{' '}
                  {stepPage[s.step] ? <Anchor href={stepPage[s.step]!} size="sm" underline="always">{t(`hotelSetup.checklist.${s.step}Link`)}</Anchor> : null}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  )
}
