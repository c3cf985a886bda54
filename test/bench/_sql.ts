import { qb } from '../../electron/core/db/query'
import { sql } from 'kysely'
const show = (q: any) => console.log(q.compile().sql, '\n')
show(qb.selectFrom('room').select(['id', 'number', 'floor', 'facing', 'view', 'bed', 'features']).where('out_of_order', '=', 0).where(({ not, exists, selectFrom }) => not(exists(selectFrom('stay').select('stay.id').whereRef('stay.room_id', '=', 'room.id').where('stay.status', '=', 'in_house')))))
show(qb.selectNoFrom((eb) => [eb.selectFrom('prompt').select((e) => e.fn.countAll<number>().as('n')).where('guest_id', '=', 1).where('status', '=', 'done').as('prompts_done'), eb.selectFrom('observation').select((e) => e.fn.countAll<number>().as('n')).where('guest_id', '=', 1).as('observations')]))
show(qb.selectFrom('guest_token').select(['guest_id', 'token']).where('token', '>=', 'z').where('token', '<', `z\uffff`).orderBy(sql`length(token)`).limit(60))
