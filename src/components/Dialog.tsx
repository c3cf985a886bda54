import { Modal } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Mantine's Modal, accessible: its header is a plain div (a <header> inside role="dialog" counts
 * as a second page banner), and its close button has a name.
 */
export function Dialog({
  opened,
  onClose,
  title,
  children,
  size,
  centered,
  fullScreen,
}: {
  opened: boolean
  onClose: () => void
  title: ReactNode
  children: ReactNode
  size?: string
  centered?: boolean
  fullScreen?: boolean
}) {
  const { t } = useTranslation()
  return (
    <Modal.Root opened={opened} onClose={onClose} size={size} centered={centered} fullScreen={fullScreen}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label={t('notice.closeDialog')} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  )
}
