import { notifications, type NotificationData } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'

/**
 * notifications.show, made accessible: Mantine's close button has no name, and its description
 * under a title is gray 6 (3.3:1 on white), so we name the one and darken the other.
 */
export function useNotice() {
  const { t } = useTranslation()
  return (notice: NotificationData) =>
    notifications.show({
      ...notice,
      closeButtonProps: { 'aria-label': t('notice.close'), ...notice.closeButtonProps },
      styles: { description: { color: 'var(--mantine-color-text)' } },
    })
}
