import { Alert, Button, Group, Radio, Select, Stack, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { fieldErrors, refusalMessage } from './profile-errors'
import { useVocabularyTree } from '../../api/vocabulary-tree'
import { notify } from '../../components/notify'
import { Dialog } from '../../components/Dialog'

const empty = { kind: 'value' as 'value' | 'code', category: null as string | null, code: null as string | null, newCode: '', value: '', en: '', zh: '' }

/** A manager teaches the vocabulary a new value (e.g. a pillow) or a new kind of wish in a category. */
export function VocabularyDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const tree = useVocabularyTree()
  const queryClient = useQueryClient()
  const [form, setForm] = useState(empty)
  const set = (patch: Partial<typeof empty>) => setForm((f) => ({ ...f, ...patch }))
  const label = (field: string) => t(`vocabulary.field.${field}`, { defaultValue: field })
  const add = useMutation({
    mutationFn: () =>
      call('vocabulary.add', {
        category: form.category ?? '',
        code: form.kind === 'value' ? (form.code ?? '') : form.newCode.trim(),
        value: form.kind === 'value' ? form.value : '',
        label: { en: form.en, zh: form.zh },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['vocabulary'] })
      notify({ color: 'green', message: t('vocabulary.added', { label: form.en }) })
      setForm(empty)
      onClose()
    },
  })
  const errors = fieldErrors(t, add.error)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    add.mutate()
  }
  return (
    <Dialog opened={opened} onClose={onClose} title={t('vocabulary.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Radio.Group label={t('vocabulary.kind')} value={form.kind} onChange={(v) => set({ kind: v as 'value' | 'code' })}>
            <Stack gap={4} mt={4}>
              <Radio value="value" label={t('vocabulary.kindValue')} />
              <Radio value="code" label={t('vocabulary.kindCode')} />
            </Stack>
          </Radio.Group>
          <Select label={label('category')} data={tree.categories} value={form.category} onChange={(v) => set({ category: v, code: null })} required searchable data-autofocus error={errors.category} />
          {form.kind === 'value' ? (
            <>
              <Select label={label('code')} data={form.category ? tree.codesOf(form.category) : []} value={form.code} onChange={(v) => set({ code: v })} required searchable disabled={!form.category} error={errors.code} />
              <TextInput label={label('value')} description={t('vocabulary.valueHint')} value={form.value} onChange={(e) => set({ value: e.currentTarget.value })} required error={errors.value} />
            </>
          ) : (
            <TextInput label={label('newCode')} description={t('vocabulary.codeHint')} value={form.newCode} onChange={(e) => set({ newCode: e.currentTarget.value })} required error={errors.code} />
          )}
          <Group grow align="flex-start">
            <TextInput label={label('en')} value={form.en} onChange={(e) => set({ en: e.currentTarget.value })} required error={errors.en} lang="en" />
            <TextInput label={label('zh')} value={form.zh} onChange={(e) => set({ zh: e.currentTarget.value })} required error={errors.zh} lang="zh" />
          </Group>
          {add.isError ? <Alert color="red" role="alert">{refusalMessage(t, add.error, label)}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('app.cancel')}</Button>
            <Button type="submit" loading={add.isPending}>{t('vocabulary.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
