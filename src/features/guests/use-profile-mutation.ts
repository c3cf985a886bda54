import { useMutation, useQueryClient } from '@tanstack/react-query'

/** A change to a guest's profile: afterwards the card, the history and the desk lists are fresh. */
export function useProfileMutation<TInput, TResult>(guestId: number, mutationFn: (input: TInput) => Promise<TResult>, onDone?: (result: TResult) => void) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['card', guestId] }),
        queryClient.invalidateQueries({ queryKey: ['history', guestId] }),
        queryClient.invalidateQueries({ queryKey: ['search'] }),
        queryClient.invalidateQueries({ queryKey: ['arrivals'] }),
      ])
      onDone?.(result)
    },
  })
}
