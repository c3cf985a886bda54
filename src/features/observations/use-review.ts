import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { ObservationView } from '../../../electron/core/observations/observation.view'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import type { SuggestionDraft } from './suggestion'
import { notify } from '../../components/notify'

export type Review =
  | { kind: 'accept'; observation: ObservationView; preference: SuggestionDraft & { note: string | null } }
  | { kind: 'merge'; observation: ObservationView; preferenceId: number }
  | { kind: 'reject'; observation: ObservationView; reason: string }

function send(review: Review) {
  const observationId = review.observation.id
  if (review.kind === 'accept') return call('observation.accept', { observationId, preference: review.preference })
  if (review.kind === 'merge') return call('observation.merge', { observationId, preferenceId: review.preferenceId })
  return call('observation.reject', { observationId, reason: review.reason })
}

/** Guest relations' three decisions; each says what happened, and the inbox and card refresh. */
export function useReview(onDone: (review: Review) => void) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: send,
    onSuccess: async (_value, review) => {
      notify({ color: review.kind === 'reject' ? 'gray' : 'green', message: t(`inbox.done.${review.kind}`, { guest: review.observation.guest.nativeName }) })
      onDone(review)
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['observations'] }),
        queryClient.invalidateQueries({ queryKey: ['card', review.observation.guestId] }),
      ])
    },
    onError: async (error) => {
      notify({ color: 'red', message: errorMessage(t, error) })
      // Someone else may have decided meanwhile: show the inbox as it is now.
      await queryClient.invalidateQueries({ queryKey: ['observations'] })
    },
  })
}
