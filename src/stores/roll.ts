// The roll, the verification queue and an owner's residents as pages load
// them, and the actions on them (each reloads what it changed).
import { CallError } from '../services/cloud-client'
import {
  bindUnit, commitRollFile, decideVerification, fetchMyVerifications, fetchResidents, fetchRollTemplate, fetchRollVersions, fetchVerificationQueue,
  inviteResident, previewRollFile, redeemInvite, searchCommunities, submitProof, unlinkResident, uploadPicked, type PickedFile,
} from '../services/roll'
import { createResourceStore, thenReload } from './resource'
import { useSession } from './session'

export type { PickedFile }
export { fileUrl } from '../services/roll'
export { fetchRollTemplate, inviteResident, searchCommunities }

export const rollVersionsResource = createResourceStore(fetchRollVersions)
export const verificationQueueResource = createResourceStore(fetchVerificationQueue)
export const myVerificationsResource = createResourceStore(fetchMyVerifications)
export const residentsResource = createResourceStore(fetchResidents)

export const ROLL_RESOURCES = [rollVersionsResource, verificationQueueResource, myVerificationsResource, residentsResource]

/** The stable code of a failed call (the notice bar already showed its message). */
export const failureCode = (e: unknown): string | null => (e instanceof CallError ? e.code : null)

/** Uploads a roll spreadsheet and previews it; nothing is stored on the roll. */
export async function previewPickedRoll(communityId: string, picked: PickedFile) {
  const { fileId } = await uploadPicked(communityId, 'spreadsheet', picked)
  return previewRollFile(communityId, fileId)
}

export async function commitRoll(communityId: string, fileId: string) {
  const r = await commitRollFile(communityId, fileId)
  await rollVersionsResource.store.getState().reload(communityId)
  return r
}

/** After binding or joining, the session reloads so every page sees the new roles and units. */
async function joined(communityId: string) {
  await useSession.getState().load(true)
  useSession.getState().selectCommunity(communityId)
}

export async function bindMyUnit(input: Parameters<typeof bindUnit>[0]) {
  const r = await bindUnit(input)
  await joined(input.communityId)
  return r
}

export async function joinAsResident(code: string) {
  const r = await redeemInvite(code)
  await joined(r.communityId)
  return r
}

export async function submitProofPhoto(input: Omit<Parameters<typeof submitProof>[0], 'fileId'>, picked: PickedFile) {
  const { fileId } = await uploadPicked(input.communityId, 'document', picked)
  const r = await submitProof({ ...input, fileId })
  await myVerificationsResource.store.getState().reload(input.communityId)
  return r
}

export const decide = thenReload(decideVerification, verificationQueueResource)

export const removeResident = thenReload(unlinkResident, residentsResource)
