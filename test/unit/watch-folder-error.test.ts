import { describe, expect, it } from 'vitest'
import { settingsChanged, watchFolderProblem } from '../../src/features/pms/watch-folder-error'

// The shape of api/client.ts's ApiError (that module needs a browser).
class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly details?: Record<string, unknown>) {
    super(message)
  }
}

describe('the watch folder’s Save', () => {
  it('asks for a full path when the store refuses the path itself', () => {
    const error = new ApiError('VALIDATION', 'Invalid input', { issues: [{ path: 'watchFolder', message: 'Give the full path of the folder' }] })
    expect(watchFolderProblem(error, 'exports')).toEqual({ key: 'pms.settings.fullPath' })
  })

  it('names the folder that does not exist on the store’s computer', () => {
    const error = new ApiError('VALIDATION', 'There is no folder', { reason: 'not_a_folder', folder: '/srv/pms', issues: [{ path: 'watchFolder', message: 'No such folder.' }] })
    expect(watchFolderProblem(error, '/srv/pms ')).toEqual({ key: 'pms.settings.noSuchFolder', folder: '/srv/pms' })
    const bare = new ApiError('VALIDATION', 'There is no folder', { reason: 'not_a_folder', issues: [{ path: 'watchFolder', message: 'No such folder.' }] })
    expect(watchFolderProblem(bare, 'D:\\PMS')).toEqual({ key: 'pms.settings.noSuchFolder', folder: 'D:\\PMS' })
  })

  it('leaves other failures to the general message', () => {
    expect(watchFolderProblem(new ApiError('FORBIDDEN', 'No'), '/srv')).toBeNull()
    expect(watchFolderProblem(new ApiError('VALIDATION', 'Bad', { issues: [{ path: 'mode', message: 'x' }] }), '/srv')).toBeNull()
    expect(watchFolderProblem(new Error('boom'), '/srv')).toBeNull()
  })

  it('says the form is unsaved while it differs from what is saved', () => {
    expect(settingsChanged({ mode: 'standalone', watchFolder: null }, { mode: 'standalone', watchFolder: '  ' })).toBe(false)
    expect(settingsChanged({ mode: 'standalone', watchFolder: null }, { mode: 'with_pms', watchFolder: '' })).toBe(true)
    expect(settingsChanged({ mode: 'with_pms', watchFolder: '/srv/pms' }, { mode: 'with_pms', watchFolder: '/srv/pms ' })).toBe(false)
    expect(settingsChanged({ mode: 'with_pms', watchFolder: '/srv/pms' }, { mode: 'with_pms', watchFolder: '/srv/other' })).toBe(true)
  })
})
