// Community-level data the tab pages show.
import { fetchAuditLog, fetchCommunityOverview, fetchCommunityPeople, grantRole, revokeRole } from '../services/identity'
import { createResourceStore } from './resource'

export const overviewResource = createResourceStore(fetchCommunityOverview)
export const peopleResource = createResourceStore(fetchCommunityPeople)
export const auditResource = createResourceStore((communityId: string, afterSeq: number) => fetchAuditLog(communityId, afterSeq))

export async function appointRole(input: Parameters<typeof grantRole>[0]) {
  const r = await grantRole(input)
  await peopleResource.store.getState().reload(input.communityId)
  return r
}

export async function removeRole(input: Parameters<typeof revokeRole>[0]) {
  const r = await revokeRole(input)
  await peopleResource.store.getState().reload(input.communityId)
  return r
}
