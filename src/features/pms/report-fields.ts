import type { FieldName, ReportKind } from '../../../electron/core/pms/report-mapping'

// The renderer may import only types from electron/, so the field lists are repeated here;
// test/unit/pms-screen.test.ts fails if they drift from core's (electron/core/pms/report-fields.ts).

export const reportKindOptions: readonly ReportKind[] = ['arrivals', 'in_house', 'departures', 'room_status']

const stayFields: readonly FieldName[] = [
  'confirmation', 'guestName', 'nativeName', 'salutation', 'arrival', 'departure', 'status', 'roomNumber', 'roomType',
  'adults', 'children', 'eta', 'vip', 'profileId', 'membershipNo', 'phone', 'email', 'birthDate', 'nationality',
  'company', 'source', 'remarks', 'companions',
]
const roomStatusFields: readonly FieldName[] = ['roomNumber', 'roomType', 'housekeeping', 'block', 'blockReason', 'blockFrom', 'blockUntil']
const stayRequired: readonly FieldName[] = ['confirmation', 'guestName', 'arrival', 'departure']

/** The fields the mapping screen lists for a report kind, required ones marked. */
export function screenFields(kind: ReportKind): { name: FieldName; required: boolean }[] {
  if (kind === 'room_status') return roomStatusFields.map((name) => ({ name, required: name === 'roomNumber' }))
  return stayFields.map((name) => ({ name, required: stayRequired.includes(name) }))
}
