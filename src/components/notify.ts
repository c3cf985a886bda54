import { notifications, type NotificationData } from '@mantine/notifications'
import i18next from '../i18n'

/**
 * notifications.show, made accessible: Mantine's close button has no name, and the description
 * under a title is gray 6 (3.3:1 on white), so we name the one and darken the other.
 */
export function notify(notice: NotificationData): void {
  notifications.show({
    ...notice,
    closeButtonProps: { 'aria-label': i18next.t('notice.close'), ...notice.closeButtonProps },
    styles: { description: { color: 'var(--mantine-color-text)' } },
  })
}
