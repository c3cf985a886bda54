import { Anchor, Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { desktopFiles } from '../api/client'
import { errorMessage } from '../app/errors'
import { notify } from './notify'

/**
 * A finished export's file: in a browser a download link (the hub's `downloadPath`); on the
 * desktop a button that opens the save dialog and copies the file there whole (`saveFile`).
 */
export function ExportFileLink({ jobId, downloadPath, fileName, label, testId }: { jobId: string; downloadPath: string; fileName: string; label: string; testId?: string }) {
  const { t } = useTranslation()
  const files = desktopFiles()
  if (!files) {
    return (
      <Anchor href={downloadPath} download={fileName} data-testid={testId}>
        {label}
      </Anchor>
    )
  }
  const save = async () => {
    try {
      const answer = await files.saveFile(jobId)
      if (answer.saved) notify({ color: 'green', message: t('files.saved', { fileName: answer.fileName }) })
    } catch (error) {
      notify({ color: 'red', title: t('files.notSaved'), message: errorMessage(t, error) })
    }
  }
  return (
    <Button variant="light" onClick={() => void save()} data-testid={testId}>
      {label}
    </Button>
  )
}
