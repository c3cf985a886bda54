import { Button, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { CoreEvents } from '../../../electron/core/events'
import { subscribe } from '../../api/live-events'
import { useDepartmentName } from '../../api/reference-data'
import { navigate } from '../../app/hash-route'
import { useSession } from '../../app/session'
import { notify } from '../../components/notify'
import { pick } from '../../i18n'
import { burstAdd, burstIsNew, escalationConcerns, type EscalationBurst } from './escalation-alerts'

/** The one page notice of a burst of escalations. */
const noticeId = 'escalations-burst'
/** The one desktop notification of a burst: the same tag replaces it, so the system never stacks them. */
const desktopTag = 'zhike-escalations'

/**
 * Raises a notice when prompts escalate for this person: one page notice that counts the burst
 * ("3 prompts escalated — open the list"), updated as more arrive, and one desktop notification
 * where it is allowed (Electron's renderer has it; a browser once the manager allowed it), replaced
 * rather than stacked. The page notice always shows, so nothing depends on the permission.
 * Renders nothing.
 */
export function EscalationAlerts() {
  const { t, i18n } = useTranslation()
  const { staff } = useSession()
  const departmentName = useDepartmentName()
  const role = staff?.role
  // The latest wording, read when an event arrives (the subscription itself lasts the session).
  const words = useRef({ t, language: i18n.language, departmentName })
  words.current = { t, language: i18n.language, departmentName }
  const burst = useRef<EscalationBurst | null>(null)
  const desktop = useRef<Notification | null>(null)
  useEffect(() => {
    if (!role) return
    return subscribe((event) => {
      if (event.name !== 'prompt.escalated') return
      const { prompt, notify: notified } = event.payload as CoreEvents['prompt.escalated']
      if (!escalationConcerns(role, notified)) return
      const { t, language, departmentName } = words.current
      const shown = burst.current !== null
      burst.current = burstAdd(burst.current, { id: prompt.id, department: prompt.department, roomNumber: prompt.roomNumber, text: prompt.text }, Date.now())
      const b = burst.current
      const count = b.ids.length
      const latest = `${b.latest.roomNumber ? t('promises.notifyRoom', { room: b.latest.roomNumber }) : ''}${pick(b.latest.text, language)}`
      const latestTitle = t('promises.notifyTitle', { department: departmentName(b.latest.department) })
      const title = count === 1 ? latestTitle : t('promises.burstTitle', { count })
      const body = count === 1 ? latest : t('promises.burstDepartments', { departments: b.departments.map(departmentName).join(', '), latest: `${latestTitle} — ${latest}` })
      const open = () => {
        notifications.hide(noticeId)
        navigate('escalations')
      }
      const notice = {
        id: noticeId,
        color: 'red',
        title,
        autoClose: 20_000,
        // Closed (by hand or by time), the burst is over: the next escalation starts a new notice.
        onClose: () => {
          burst.current = null
        },
        message: (
          <Stack gap={6} align="flex-start" data-testid="escalation-notice" data-count={count}>
            <Text size="sm" lineClamp={3}>{body}</Text>
            <Button size="compact-sm" variant="filled" color="red.9" onClick={open}>{t('promises.burstOpen')}</Button>
          </Stack>
        ),
      }
      if (shown && burstIsNew(b) === false) notifications.update({ ...notice, closeButtonProps: { 'aria-label': t('notice.close') }, styles: { description: { color: 'var(--mantine-color-text)' } } })
      else {
        notifications.hide(noticeId)
        notify(notice)
      }
      if (document.visibilityState === 'visible' && document.hasFocus()) return
      try {
        if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
          desktop.current?.close()
          // Later escalations of the burst replace the notification without a sound of their own.
          const next = new Notification(title, { body, tag: desktopTag, silent: !burstIsNew(b) })
          next.onclick = () => {
            window.focus()
            open()
          }
          desktop.current = next
        }
      } catch {
        // Some browsers refuse notifications outside a service worker: the page's notice stands.
      }
    })
  }, [role])
  return null
}
