import { z } from 'zod'
import { operations } from './api'
import type { Operation } from './operation'

/** Every operation with its JSON input schema: what GET /api/schema answers. */
export function operationCatalog() {
  return Object.entries(operations as unknown as Record<string, Operation<z.ZodType, unknown, unknown>>).map(([name, op]) => ({
    name,
    kind: op.kind,
    permission: op.permission,
    summary: op.summary,
    input: z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }),
  }))
}

export function operationSessionEffect(name: string): 'start' | 'end' | undefined {
  return Object.hasOwn(operations, name) ? (operations as unknown as Record<string, Operation<z.ZodType, unknown, unknown>>)[name].session : undefined
}
