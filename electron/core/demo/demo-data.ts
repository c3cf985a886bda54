import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

const bilingual = z.object({ en: z.string(), zh: z.string() })

/** The shape of resources/demo/*.json, checked before anything is loaded. */
export const demoSchema = z.object({
  hotel: z.object({
    hotel: z.object({ name: bilingual }),
    departments: z.array(z.object({ code: z.string(), name: bilingual, promiseMinutes: z.number() })),
    /** Outlets (中餐厅, 大堂吧…) under a department, created after it. */
    outlets: z.array(z.object({ code: z.string(), name: bilingual, promiseMinutes: z.number(), parentCode: z.string() })).default([]),
    staff: z.array(
      z.object({ code: z.string(), name: z.string(), roman: z.string().nullish(), department: z.string(), role: z.string(), pin: z.string() }),
    ),
    rooms: z.array(
      z.object({
        number: z.string(),
        floor: z.number(),
        facing: z.string(),
        view: z.string().nullish(),
        bed: z.string(),
        features: z.array(z.string()),
        roomType: z.string().optional(),
        housekeeping: z.string().optional(),
        block: z.object({ kind: z.string(), reason: z.string() }).nullish(),
      }),
    ),
  }),
  guests: z.array(
    z.looseObject({
      key: z.string(),
      nativeName: z.string(),
      romanName: z.string().nullish(),
      preferences: z.array(z.looseObject({ category: z.string(), code: z.string(), value: z.string() })),
      stays: z.array(z.object({ arrival: z.number(), nights: z.number(), room: z.string().nullish(), party: z.number().optional() })),
      /** What staff noticed during the stay in house, waiting in guest relations' inbox. */
      observations: z.array(z.object({ by: z.string(), text: z.string(), suggestion: z.looseObject({}).optional() })).optional(),
    }),
  ),
  rules: z.array(z.looseObject({ key: z.string() })),
})
export type DemoData = z.infer<typeof demoSchema>

export function readDemoData(dir: string): DemoData {
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))
  return demoSchema.parse({ hotel: read('hotel.json'), guests: read('guests.json'), rules: read('rules.json') })
}
