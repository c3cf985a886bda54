import { Button, Menu } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PromptView } from '../../../electron/core/prompts/prompt.view'
import { call } from '../../api/client'

/**
 * "Assign": me, an attendant of the prompt's department, or no one. The list loads when opened.
 * `handsOut`: the signed-in role may give prompts to others (a lead, the desk, managers); an
 * attendant only takes one or gives back their own (core checks it again).
 */
export function AssignMenu({ prompt, myStaffId, onAssign, disabled, handsOut }: { prompt: PromptView; myStaffId?: number; onAssign: (staffId: number | null) => void; disabled: boolean; handsOut: boolean }) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)
  const staff = useQuery({
    queryKey: ['assignees', prompt.department],
    queryFn: () => call('prompt.assignees', { department: prompt.department }),
    enabled: opened,
    staleTime: 5 * 60_000,
  })
  const others = handsOut ? (staff.data ?? []).filter((s) => s.id !== myStaffId) : []
  const canTakeIt = (staff.data ?? []).some((s) => s.id === myStaffId)
  return (
    <Menu opened={opened} onChange={setOpened} position="bottom-start" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" disabled={disabled}>
          {prompt.assignedTo ? t('board.reassign') : t('board.assign')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('board.assignTo')}</Menu.Label>
        {staff.isLoading ? <Menu.Item disabled>{t('board.assignLoading')}</Menu.Item> : null}
        {canTakeIt && prompt.assignedTo?.id !== myStaffId ? <Menu.Item onClick={() => onAssign(myStaffId!)}>{t('board.assignMe')}</Menu.Item> : null}
        {others.map((s) => (
          <Menu.Item key={s.id} onClick={() => onAssign(s.id)} disabled={prompt.assignedTo?.id === s.id}>
            {s.name}
          </Menu.Item>
        ))}
        {prompt.assignedTo && (handsOut || prompt.assignedTo.id === myStaffId) ? (
          <>
            <Menu.Divider />
            <Menu.Item onClick={() => onAssign(null)}>{t('board.assignNobody')}</Menu.Item>
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  )
}
