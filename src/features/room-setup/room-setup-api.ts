import type { OutputOf } from '../../../electron/core/api'
import type { RoomMapping } from '../../../electron/core/rooms/room-sheet'
import { call } from '../../api/client'

export type RoomListItem = OutputOf<'room.list'>[number]
export type RoomFilePreview = OutputOf<'room.importPreview'>
export type RoomImportOutcome = OutputOf<'room.import'>
export type RoomFileProblem = RoomFilePreview['errors'][number]
export type { RoomMapping }

/** A room file as room.importPreview and room.import take it. */
export interface RoomUpload {
  fileName: string
  /** base64 */
  content: string
}

/** Every room, retired ones too (the Rooms page lists them apart). */
export const listRooms = () => call('room.list', { includeRetired: true })
export const previewRoomFile = (upload: RoomUpload, mapping?: RoomMapping) => call('room.importPreview', { ...upload, ...(mapping ? { mapping } : {}) })
export const importRoomFile = (upload: RoomUpload, mapping: RoomMapping) => call('room.import', { ...upload, mapping })
export const reinstateRoom = (roomNumber: string) => call('room.reinstate', { roomNumber })
