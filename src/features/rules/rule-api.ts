import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { call } from '../../api/client'
import type { RuleInput, RulePreview, RuleView } from './rule-types'

// The rule operations are typed here by their documented shapes (rule-types.ts), so the screen
// reads the same whether or not the store's declaration has landed in this build.
const callRule = call as unknown as <T>(method: string, input: unknown) => Promise<T>

const rulesKey = ['rules'] as const

export function useRules() {
  return useQuery({ queryKey: rulesKey, queryFn: () => callRule<RuleView[]>('rule.list', {}) })
}

/** Create (no id) or update (id): the list is read again after either. */
export function useSaveRule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: RuleInput }) =>
      id === null ? callRule<{ id: number }>('rule.create', input) : callRule<RuleView>('rule.update', { id, ...input }).then((r) => ({ id: r.id })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey }),
  })
}

export function useSetRuleActive() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, active }: { id: number; active: boolean }) => callRule<RuleView>('rule.setActive', { id, active }),
    onSuccess: (rule) => {
      queryClient.setQueryData<RuleView[]>(rulesKey, (rules) => rules?.map((r) => (r.id === rule.id ? rule : r)))
      void queryClient.invalidateQueries({ queryKey: rulesKey })
    },
  })
}

export function useReorderRules() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (ids: number[]) => callRule<{ ok: true }>('rule.reorder', { ids }),
    // The new order shows at once; a refusal reads the stored order back.
    onMutate: (ids) => {
      queryClient.setQueryData<RuleView[]>(rulesKey, (rules) => rules && ids.map((id) => rules.find((r) => r.id === id)).filter((r): r is RuleView => !!r))
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: rulesKey }),
  })
}

export function usePreviewRule() {
  return useMutation({ mutationFn: (rule: RuleInput) => callRule<RulePreview>('rule.preview', { rule }) })
}
