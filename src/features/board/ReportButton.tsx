import { Button } from '@mantine/core'
import { Dialog } from '../../components/Dialog'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { CaptureForm } from '../observations/CaptureForm'

/** "Report something" from the board: the quick-capture form in a dialog, full screen on a phone. */
export function ReportButton() {
  const { t } = useTranslation()
  const [opened, { open, close }] = useDisclosure(false)
  const phone = useMediaQuery('(max-width: 36em)')
  return (
    <>
      <Button variant="light" onClick={open} data-testid="report-something">
        {t('observe.report')}
      </Button>
      <Dialog opened={opened} onClose={close} title={t('observe.reportTitle')} fullScreen={phone} size="lg">
        <CaptureForm autoFocus onRecorded={close} />
      </Dialog>
    </>
  )
}
