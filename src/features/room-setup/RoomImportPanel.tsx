import { Alert, Badge, Button, FileButton, Group, List, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/errors'
import { fileAsBase64 } from '../pms/file-content'
import { importRoomFile, previewRoomFile, type RoomFilePreview, type RoomFileProblem, type RoomImportOutcome, type RoomMapping, type RoomUpload } from './room-setup-api'
import { isColumnProblem, isRoomFileName, problemParams, roomFileFields, roomFileMaxBytes, type RoomFileField } from './room-file'

/**
 * "Import from a file…": choose a CSV or XLSX room list, see which column Zhike reads as what
 * (and change it), the first rows as they will be read and every bad row; import only when the
 * whole file is clean.
 */
export function RoomImportPanel({ onImported }: { onImported: () => void }) {
  const { t, i18n } = useTranslation()
  const [upload, setUpload] = useState<RoomUpload | null>(null)
  const [fileProblem, setFileProblem] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<RoomImportOutcome | null>(null)

  // The preview shown stays while the next one is read, so a column changed keeps its focus.
  const [shown, setShown] = useState<RoomFilePreview | null>(null)
  const preview = useMutation({
    mutationFn: ({ file, mapping }: { file: RoomUpload; mapping?: RoomMapping }) => previewRoomFile(file, mapping),
    onSuccess: (result) => setShown(result),
    onError: () => setShown(null),
  })
  const apply = useMutation({
    mutationFn: ({ file, mapping }: { file: RoomUpload; mapping: RoomMapping }) => importRoomFile(file, mapping),
    onSuccess: (result, { file, mapping }) => {
      setOutcome(result)
      if (result.status === 'applied') {
        preview.reset()
        setShown(null)
        setUpload(null)
        onImported()
      }
      // A file refused at import (a room added meanwhile) shows its problems like a preview does.
      else preview.mutate({ file, mapping })
    },
  })

  const choose = async (file: File | null) => {
    if (!file) return
    setOutcome(null)
    setFileProblem(null)
    preview.reset()
    apply.reset()
    setShown(null)
    if (!isRoomFileName(file.name)) return setFileProblem(t('roomSetup.import.wrongType', { name: file.name }))
    if (file.size > roomFileMaxBytes) return setFileProblem(t('roomSetup.import.tooLarge', { name: file.name }))
    const next = { fileName: file.name, content: await fileAsBase64(file) }
    setUpload(next)
    preview.mutate({ file: next })
  }

  const data: RoomFilePreview | undefined = shown ?? undefined
  const mapping = data?.mapping ?? {}
  const setColumn = (field: RoomFileField, header: string | null) => {
    if (!upload) return
    const next: RoomMapping = { ...mapping }
    if (header) {
      // A column is read as one field: taking it here frees it elsewhere.
      for (const f of roomFileFields) if (next[f] === header) delete next[f]
      next[field] = header
    } else delete next[field]
    setOutcome(null)
    preview.mutate({ file: upload, mapping: next })
  }
  const headers = (data?.headers ?? []).filter((h) => h !== '')
  const toImport = data ? data.counts.create + data.counts.update : 0
  const clean = data !== undefined && data.errors.length === 0
  const fieldLabel = (field: string | null) => (field ? t(`roomSetup.import.field.${field}`) : '')

  const problemText = (p: RoomFileProblem) => {
    const where = isColumnProblem(p.code) ? t('roomSetup.import.problem.header', { line: p.line }) : t('roomSetup.import.problem.at', { line: p.line })
    const field = fieldLabel(p.field)
    const text = t(`roomSetup.import.problem.${p.code}`, problemParams(p, i18n.language.startsWith('en') ? field.toLowerCase() : field))
    return { where, field, text }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="room-import-title" data-testid="room-import">
      <Stack gap="sm">
        <Title order={2} size="h3" id="room-import-title">
          {t('roomSetup.import.title')}
        </Title>
        <Text size="sm">{t('roomSetup.import.intro')}</Text>
        <Group gap="sm" align="center">
          <FileButton onChange={choose} accept=".csv,.txt,.tsv,.xlsx,.xlsm,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
            {(props) => (
              <Button {...props} variant="default" loading={preview.isPending && !data} aria-describedby="room-file-hint" data-testid="room-file-choose">
                {upload ? t('roomSetup.import.another') : t('roomSetup.import.choose')}
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed" id="room-file-hint">
            {t('roomSetup.import.fileLabel')}: {t('roomSetup.import.fileHint')}
          </Text>
        </Group>
        {upload && data ? (
          <Text size="sm" fw={600} data-testid="room-file-name">
            {t('roomSetup.import.chosen', { name: upload.fileName, rows: data.rows })}
          </Text>
        ) : null}
        {fileProblem ? (
          <Alert color="red" role="alert">
            {fileProblem}
          </Alert>
        ) : null}
        {preview.isError ? (
          <Alert color="red" role="alert" data-testid="room-file-error">
            {errorMessage(t, preview.error)}
          </Alert>
        ) : null}

        {data && upload ? (
          <>
            <Stack gap="xs" component="section" aria-labelledby="room-mapping-title">
              <Title order={3} size="h4" id="room-mapping-title">
                {t('roomSetup.import.mappingTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {data.mappingSource === 'guessed' ? `${t('roomSetup.import.guessed')} ` : ''}
                {t('roomSetup.import.mappingIntro')}
              </Text>
              <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" data-testid="room-mapping">
                {roomFileFields.map((field) => {
                  const value = mapping[field] ?? null
                  const missing = value !== null && !headers.includes(value)
                  return (
                    <Select
                      key={field}
                      label={fieldLabel(field)}
                      required={field === 'number'}
                      data={[...headers.map((h) => ({ value: h, label: h })), ...(missing ? [{ value, label: value }] : [])]}
                      value={value}
                      onChange={(h) => setColumn(field, h)}
                      placeholder={t('roomSetup.import.noColumn')}
                      clearable={field !== 'number'}
                      allowDeselect={false}
                      data-field={field}
                    />
                  )
                })}
              </SimpleGrid>
            </Stack>

            {data.errors.length > 0 ? (
              <Alert color="red" title={t('roomSetup.import.problemsTitle', { count: data.errors.length })} styles={{ title: { color: 'var(--mantine-color-red-9)' }, label: { color: 'var(--mantine-color-red-9)' } }} data-testid="room-file-problems">
                <Text size="sm" mb={6}>
                  {t('roomSetup.import.problemsHint')}
                </Text>
                <List size="sm" spacing={4}>
                  {data.errors.map((p, i) => {
                    const { where, field, text } = problemText(p)
                    return (
                      <List.Item key={`${p.line}-${p.field}-${p.code}-${i}`} data-line={p.line}>
                        <Text span fw={700} size="sm">
                          {where}
                          {field ? ` · ${field}` : ''}
                        </Text>
                        {': '}
                        {text}
                      </List.Item>
                    )
                  })}
                </List>
              </Alert>
            ) : (
              <Text size="sm" c="teal.9" fw={600} data-testid="room-file-clean">
                {t('roomSetup.import.clean')} {t('roomSetup.import.counts', data.counts)}
              </Text>
            )}

            <Stack gap={4} component="section" aria-labelledby="room-sample-title">
              <Title order={3} size="h4" id="room-sample-title">
                {t('roomSetup.import.previewTitle')}
              </Title>
              <ScrollArea type="auto" offsetScrollbars>
                <Table striped withTableBorder fz="sm" miw={640} data-testid="room-sample">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('roomSetup.import.line')}</Table.Th>
                      {roomFileFields.map((f) => (
                        <Table.Th key={f} scope="col">
                          {fieldLabel(f)}
                        </Table.Th>
                      ))}
                      <Table.Th scope="col">{t('roomSetup.import.action')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.sample.map((row) => {
                      const room = row.room
                      const cell = (f: RoomFileField) => {
                        const column = mapping[f] ? data.headers.indexOf(mapping[f]!) : -1
                        return column >= 0 ? (row.cells[column] ?? '') : ''
                      }
                      return (
                        <Table.Tr key={row.line}>
                          <Table.Td>{row.line}</Table.Td>
                          <Table.Td fw={700}>{room?.number ?? cell('number')}</Table.Td>
                          <Table.Td>{room?.floor === undefined ? cell('floor') : room.floorFromNumber ? t('roomSetup.import.fromNumber', { floor: room.floor }) : room.floor}</Table.Td>
                          <Table.Td>{room?.facing ? t(`roomSetup.facing.${room.facing}`) : cell('facing')}</Table.Td>
                          <Table.Td>{room ? (room.view ? t(`roomSetup.view.${room.view}`, { defaultValue: room.view }) : '') : cell('view')}</Table.Td>
                          <Table.Td>{room?.bed ? t(`roomSetup.bed.${room.bed}`) : cell('bed')}</Table.Td>
                          <Table.Td>{room?.features ? room.features.map((f) => t(`roomSetup.feature.${f}`)).join(', ') : cell('features')}</Table.Td>
                          <Table.Td>{room?.roomType ?? cell('roomType')}</Table.Td>
                          <Table.Td>
                            <Badge variant="light" color={room ? (room.action === 'create' ? 'teal' : room.action === 'update' ? 'indigo' : 'gray') : 'red'} styles={{ label: { color: 'var(--mantine-color-text)' } }}>
                              {t(`roomSetup.import.actions.${room ? room.action : 'bad'}`)}
                            </Badge>
                          </Table.Td>
                        </Table.Tr>
                      )
                    })}
                  </Table.Tbody>
                </Table>
              </ScrollArea>
            </Stack>

            {clean && toImport === 0 ? <Text size="sm">{t('roomSetup.import.nothingToDo')}</Text> : null}
            <Group>
              <Button onClick={() => apply.mutate({ file: upload, mapping })} disabled={!clean || toImport === 0 || preview.isPending} loading={apply.isPending} data-testid="room-import-apply">
                {clean && toImport > 0 ? t('roomSetup.import.import', { count: toImport }) : t('roomSetup.import.importNone')}
              </Button>
            </Group>
          </>
        ) : null}

        {apply.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(t, apply.error)}
          </Alert>
        ) : null}
        {outcome ? (
          <Alert color={outcome.status === 'applied' ? 'teal' : 'red'} role="status" data-testid="room-import-outcome">
            {outcome.status === 'applied'
              ? t('roomSetup.import.done', { created: outcome.created.length, updated: outcome.updated.length, unchanged: outcome.unchanged })
              : t('roomSetup.import.rejected')}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  )
}
