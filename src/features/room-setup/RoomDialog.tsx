import { Alert, Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { Dialog } from '../../components/Dialog'
import {
  bedCodes,
  checkRoomForm,
  createInput,
  emptyRoomForm,
  facingCodes,
  featureCodes,
  floorOfNumber,
  formOfRoom,
  placeRoomError,
  updateInput,
  viewCodes,
  type RoomFacts,
  type RoomFormField,
  type RoomFormValues,
} from './room-form'

const otherView = '__other'

/**
 * Adds a room (`room` null) or edits one: labelled fields, each error beside its field, the
 * first wrong field focused. The number of an existing room is shown but never changes.
 */
export function RoomDialog({ opened, room, onClose, onSaved }: { opened: boolean; room: RoomFacts | null; onClose: () => void; onSaved: (message: string) => void }) {
  const { t } = useTranslation()
  const isNew = room === null
  const [values, setValues] = useState<RoomFormValues>(emptyRoomForm)
  const [errors, setErrors] = useState<Partial<Record<RoomFormField, string>>>({})
  const [viewChoice, setViewChoice] = useState<string | null>(null)
  const formRef = useRef<HTMLFormElement>(null)

  useEffect(() => {
    if (!opened) return
    const next = room ? formOfRoom(room) : emptyRoomForm
    setValues(next)
    setErrors({})
    setViewChoice(next.view === '' ? null : (viewCodes as readonly string[]).includes(next.view) ? next.view : otherView)
  }, [opened, room])

  const focusFirst = (fields: Partial<Record<RoomFormField, string>>) => {
    const order: RoomFormField[] = ['number', 'floor', 'facing', 'bed', 'view', 'roomType']
    const first = order.find((f) => fields[f])
    if (first) window.setTimeout(() => formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus(), 0)
  }

  const save = useMutation({
    mutationFn: async (v: RoomFormValues): Promise<void> => {
      if (isNew) await call('room.create', createInput(v))
      else await call('room.update', updateInput(v))
    },
    onSuccess: () => onSaved(t(isNew ? 'roomSetup.added' : 'roomSetup.saved', { number: values.number.trim().toUpperCase() })),
    onError: (error) => {
      const placed = placeRoomError(error, values.number)
      if (placed) {
        const next = { [placed.field]: t(`roomSetup.form.errors.${placed.key}`, placed.params) }
        setErrors(next)
        focusFirst(next)
      }
    },
  })
  const placedServer = save.isError ? placeRoomError(save.error, values.number) : null

  const set = <K extends keyof RoomFormValues>(key: K, value: RoomFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }))
    if (key in errors) setErrors((e) => ({ ...e, [key]: undefined }))
  }

  const submit = (e: FormEvent) => {
    e.preventDefault()
    const filled = isNew && values.floor.trim() === '' ? { ...values, floor: floorOfNumber(values.number) } : values
    if (filled !== values) setValues(filled)
    const found = checkRoomForm(filled, isNew)
    const translated = Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(`roomSetup.form.errors.${key}`)]))
    setErrors(translated)
    if (Object.keys(found).length > 0) {
      focusFirst(translated)
      return
    }
    save.mutate(filled)
  }

  const viewOptions = [
    ...viewCodes.map((code) => ({ value: code, label: t(`roomSetup.view.${code}`) })),
    { value: otherView, label: t('roomSetup.form.viewOther') },
  ]

  return (
    <Dialog opened={opened} onClose={onClose} title={isNew ? t('roomSetup.form.addTitle') : t('roomSetup.form.editTitle', { number: room?.number })}>
      <form onSubmit={submit} ref={formRef} noValidate data-testid="room-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              name="number"
              label={t('roomSetup.form.number')}
              description={isNew ? t('roomSetup.form.numberHint') : t('roomSetup.form.numberFixed')}
              required={isNew}
              readOnly={!isNew}
              maxLength={10}
              autoComplete="off"
              value={values.number}
              onChange={(e) => set('number', e.currentTarget.value)}
              error={errors.number}
              data-autofocus={isNew ? true : undefined}
            />
            <TextInput
              name="floor"
              label={t('roomSetup.form.floor')}
              required
              inputMode="numeric"
              autoComplete="off"
              // Left empty, a new room's floor is read from its number (905 → 9), as the import does.
              placeholder={isNew ? floorOfNumber(values.number) : undefined}
              value={values.floor}
              onChange={(e) => set('floor', e.currentTarget.value)}
              error={errors.floor}
              data-autofocus={isNew ? undefined : true}
            />
            <Select
              name="facing"
              label={t('roomSetup.form.facing')}
              required
              placeholder={t('roomSetup.form.choose')}
              data={facingCodes.map((code) => ({ value: code, label: t(`roomSetup.facing.${code}`) }))}
              value={values.facing || null}
              onChange={(v) => set('facing', v ?? '')}
              error={errors.facing}
              allowDeselect={false}
            />
            <Select
              name="bed"
              label={t('roomSetup.form.bed')}
              required
              placeholder={t('roomSetup.form.choose')}
              data={bedCodes.map((code) => ({ value: code, label: t(`roomSetup.bed.${code}`) }))}
              value={values.bed || null}
              onChange={(v) => set('bed', v ?? '')}
              error={errors.bed}
              allowDeselect={false}
            />
            <Select
              label={t('roomSetup.form.view')}
              placeholder={t('roomSetup.form.choose')}
              data={viewOptions}
              value={viewChoice}
              clearable
              onChange={(v) => {
                setViewChoice(v)
                set('view', v === null ? '' : v === otherView ? ((viewCodes as readonly string[]).includes(values.view) ? '' : values.view) : v)
              }}
              error={viewChoice === otherView ? undefined : errors.view}
            />
            {viewChoice === otherView ? (
              <TextInput
                name="view"
                label={t('roomSetup.form.viewOtherLabel')}
                description={t('roomSetup.form.viewHint')}
                maxLength={60}
                value={values.view}
                onChange={(e) => set('view', e.currentTarget.value)}
                error={errors.view}
              />
            ) : null}
            <TextInput
              name="roomType"
              label={t('roomSetup.form.roomType')}
              description={t('roomSetup.form.roomTypeHint')}
              maxLength={12}
              autoComplete="off"
              value={values.roomType}
              onChange={(e) => set('roomType', e.currentTarget.value.toUpperCase())}
              error={errors.roomType}
            />
          </SimpleGrid>
          <Checkbox.Group label={t('roomSetup.form.features')} value={values.features} onChange={(v) => set('features', v)}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} mt={6}>
              {featureCodes.map((code) => (
                <Checkbox key={code} value={code} label={t(`roomSetup.feature.${code}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {save.isError && !placedServer ? (
            <Alert color="red" role="alert">
              {errorMessage(t, save.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('roomSetup.form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="room-save">
              {isNew ? t('roomSetup.form.add') : t('roomSetup.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
