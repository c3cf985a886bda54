/** Rooms as the Rooms page shows them: in service by floor (numbers in order), retired apart. */
export function roomsByFloor<R extends { number: string; floor: number; retiredAt: string | null }>(
  rooms: readonly R[],
): { inService: R[]; retired: R[]; floors: { floor: number; rooms: R[] }[] } {
  const byNumber = (a: R, b: R) => a.number.localeCompare(b.number, 'en', { numeric: true })
  const inService = rooms.filter((r) => r.retiredAt === null).sort(byNumber)
  const retired = rooms.filter((r) => r.retiredAt !== null).sort(byNumber)
  const floors = new Map<number, R[]>()
  for (const room of inService) floors.set(room.floor, [...(floors.get(room.floor) ?? []), room])
  return {
    inService,
    retired,
    floors: [...floors.entries()].sort(([a], [b]) => a - b).map(([floor, list]) => ({ floor, rooms: list })),
  }
}

/** The floors with rooms whose number holds the text typed (any case), each with those rooms only. */
export function findRooms<R extends { number: string }>(floors: readonly { floor: number; rooms: R[] }[], text: string): { floor: number; rooms: R[] }[] {
  const wanted = text.trim().toUpperCase()
  if (wanted === '') return [...floors]
  return floors.map((f) => ({ floor: f.floor, rooms: f.rooms.filter((r) => r.number.includes(wanted)) })).filter((f) => f.rooms.length > 0)
}
