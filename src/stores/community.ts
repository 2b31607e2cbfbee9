// Community-level data the tab pages show.
import { fetchAuditLog, fetchCommunityOverview, fetchCommunityPeople, grantRole, revokeRole } from '../services/identity'
import { createResourceStore, thenReload } from './resource'

export const overviewResource = createResourceStore(fetchCommunityOverview)
export const peopleResource = createResourceStore(fetchCommunityPeople)
export const auditResource = createResourceStore((communityId: string, afterSeq: number) => fetchAuditLog(communityId, afterSeq))

export const appointRole = thenReload(grantRole, peopleResource)

export const removeRole = thenReload(revokeRole, peopleResource)
