import { Button, FileButton, Paper, Stack, Text } from '@mantine/core'
import { useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'

interface ReportFileInputProps {
  fileName: string | null
  busy: boolean
  onFile: (file: File) => void
}

/** Choose a report file with the button (keyboard) or drop it on the area (mouse). */
export function ReportFileInput({ fileName, busy, onFile }: ReportFileInputProps) {
  const { t } = useTranslation()
  const [over, setOver] = useState(false)
  const drop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    const file = e.dataTransfer.files[0]
    if (file) onFile(file)
  }
  return (
    <Paper
      withBorder
      p="md"
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      style={{ borderStyle: 'dashed', borderWidth: 2, background: over ? 'var(--mantine-color-indigo-light)' : undefined }}
      data-testid="pms-drop"
    >
      <Stack gap={6} align="flex-start">
        <Text fw={600} id="pms-file-label">{t('pms.file.label')}</Text>
        <Text size="sm" c="dimmed" id="pms-file-hint">{over ? t('pms.file.drop') : t('pms.file.hint')}</Text>
        <FileButton onChange={(file) => file && onFile(file)} accept=".csv,.txt,.tsv,.xlsx,.xlsm,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
          {(props) => (
            <Button {...props} variant="default" loading={busy} aria-describedby="pms-file-label pms-file-hint" data-testid="pms-choose-file">
              {t('pms.file.choose')}
            </Button>
          )}
        </FileButton>
        {fileName ? <Text size="sm" data-testid="pms-file-name">{fileName}</Text> : null}
      </Stack>
    </Paper>
  )
}
