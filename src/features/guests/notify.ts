import { notifications, type NotificationData } from '@mantine/notifications'
import i18next from '../../i18n'

/** A notification whose close button has a name a screen reader can say (Mantine's has none). */
export function notify(notice: NotificationData): void {
  notifications.show({ ...notice, closeButtonProps: { 'aria-label': i18next.t('notice.close') } })
}
