import { Button, type ButtonProps } from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import type { RaisedFrom } from '../../../electron/core/recovery/recovery.types'
import { Dialog } from '../../components/Dialog'
import { RaiseCaseForm } from './RaiseCaseForm'

/**
 * "Report a problem": the raise form in a dialog, full screen on a phone. From a board (no stay)
 * it asks for the room; from the desk or the guest card the stay is known.
 */
export function RaiseProblemButton({ stay, from, department, variant = 'light', size, guestName, roomNumber }: { stay?: { stayId: number; guestId: number }; from: RaisedFrom; /** Who it is for, named in the dialog's title (desk, card). */ guestName?: string; roomNumber?: string | null; department?: string; variant?: ButtonProps['variant']; size?: ButtonProps['size'] }) {
  const { t } = useTranslation()
  const [opened, { open, close }] = useDisclosure(false)
  const phone = useMediaQuery('(max-width: 36em)')
  return (
    <>
      <Button variant={variant} size={size} onClick={open} data-testid="report-problem">
        {t('recovery.raise.button')}
      </Button>
      <Dialog opened={opened} onClose={close} title={guestName ? t('recovery.raise.titleFor', { who: roomNumber ? t('recovery.raise.whoInRoom', { name: guestName, room: roomNumber }) : guestName }) : t('recovery.raise.title')} fullScreen={phone} size="lg">
        <RaiseCaseForm stay={stay} from={from} department={department} onRaised={close} onCancel={close} />
      </Dialog>
    </>
  )
}
