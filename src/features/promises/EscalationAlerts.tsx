import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { CoreEvents } from '../../../electron/core/events'
import { subscribe } from '../../api/live-events'
import { useDepartmentName } from '../../api/reference-data'
import { navigate } from '../../app/hash-route'
import { useSession } from '../../app/session'
import { notify } from '../../components/notify'
import { pick } from '../../i18n'
import { escalationConcerns } from './escalation-alerts'

/**
 * Raises a notice when a prompt escalates for this person: the system's desktop notification where
 * it is allowed (Electron's renderer has it; a browser once the manager allowed it), and always the
 * page's own notice, so nothing depends on the permission. Renders nothing.
 */
export function EscalationAlerts() {
  const { t, i18n } = useTranslation()
  const { staff } = useSession()
  const departmentName = useDepartmentName()
  const role = staff?.role
  // The latest wording, read when an event arrives (the subscription itself lasts the session).
  const words = useRef({ t, language: i18n.language, departmentName })
  words.current = { t, language: i18n.language, departmentName }
  useEffect(() => {
    if (!role) return
    return subscribe((event) => {
      if (event.name !== 'prompt.escalated') return
      const { prompt, notify: notified } = event.payload as CoreEvents['prompt.escalated']
      if (!escalationConcerns(role, notified)) return
      const { t, language, departmentName } = words.current
      const title = t('promises.notifyTitle', { department: departmentName(prompt.department) })
      const body = `${prompt.roomNumber ? t('promises.notifyRoom', { room: prompt.roomNumber }) : ''}${pick(prompt.text, language)}`
      notify({ color: 'red', title, message: body, autoClose: 15_000 })
      if (document.visibilityState === 'visible' && document.hasFocus()) return
      try {
        if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
          const desktop = new Notification(title, { body, tag: `zhike-escalation-${prompt.id}-${prompt.escalationLevel}` })
          desktop.onclick = () => {
            window.focus()
            navigate('escalations')
          }
        }
      } catch {
        // Some browsers refuse notifications outside a service worker: the page's notice stands.
      }
    })
  }, [role])
  return null
}
