/* The room-file import screen's pure helpers (test/unit/room-form.test.ts). */

/** The columns a room list may have, in the order core reads them (room-sheet.ts). */
export const roomFileFields = ['number', 'floor', 'facing', 'view', 'bed', 'features', 'roomType'] as const
export type RoomFileField = (typeof roomFileFields)[number]

/** The largest file core reads. */
export const roomFileMaxBytes = 10 * 1024 * 1024

/** True for the files the import takes: .csv, .txt, .tsv, .xlsx (the bytes decide in core). */
export function isRoomFileName(name: string): boolean {
  return /\.(csv|txt|tsv|xlsx|xlsm)$/i.test(name)
}

const columnProblems = new Set(['not_a_room_file', 'no_number_column', 'unknown_column', 'column_needed'])

/** Whether a problem is about the file's columns (shown at the header row) rather than one row. */
export function isColumnProblem(code: string): boolean {
  return columnProblems.has(code)
}

/** The values a problem's sentence (roomSetup.import.problem.<code>) is filled with. */
export function problemParams(problem: { line: number; value: string | null }, field: string): Record<string, string | number> {
  return { line: problem.line, value: problem.value ?? '', field }
}
