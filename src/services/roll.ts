// Client calls for the owner roll, owner verification and residents.
import { call, upload } from './cloud-client'

type In<K extends Parameters<typeof call>[0]> = Parameters<typeof call<K>>[1]

export const fetchRollVersions = (communityId: string) => call('roll-versions', { communityId })
export const fetchRollTemplate = (communityId: string) => call('roll-template', { communityId })
export const previewRollFile = (communityId: string, fileId: string) => call('roll-preview', { communityId, fileId })
export const commitRollFile = (communityId: string, fileId: string) => call('roll-commit', { communityId, fileId })

export const bindUnit = (input: In<'bind-unit'>) => call('bind-unit', input)
export const submitProof = (input: In<'verification-submit'>) => call('verification-submit', input)
export const fetchMyVerifications = (communityId: string) => call('verification-mine', { communityId })
export const fetchVerificationQueue = (communityId: string) => call('verification-list', { communityId })
export const decideVerification = (input: In<'verification-decide'>) => call('verification-decide', input)
export const searchCommunities = (name: string) => call('community-search', { name })

export const inviteResident = (input: In<'resident-invite'>) => call('resident-invite', input)
export const redeemInvite = (code: string) => call('resident-redeem', { code })
export const fetchResidents = (communityId: string) => call('resident-list', { communityId })
export const unlinkResident = (input: In<'resident-unlink'>) => call('resident-unlink', input)

/** A picked file: a File on H5 (from <input type=file>), a temp path on WeChat. */
export interface PickedFile {
  name: string
  path: string
  file?: Blob
}

export const uploadPicked = (communityId: string, purpose: 'document' | 'spreadsheet', picked: PickedFile) =>
  upload({ communityId, purpose, name: picked.name, path: picked.path, file: picked.file })

/** Where a stored file can be shown: the host's route on H5, the cloud file id itself on WeChat. */
export const fileUrl = (fileId: string): string => (process.env.TARO_ENV === 'weapp' ? fileId : `/api/files/${encodeURIComponent(fileId)}`)
