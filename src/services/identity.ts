// Client calls for identity, roles and the audit log.
import { call } from './cloud-client'

export const fetchMe = () => call('me', {})
export const registerPerson = (name: string) => call('person-register', { name })
export const fetchCommunityOverview = (communityId: string) => call('community-overview', { communityId })
export const fetchCommunityPeople = (communityId: string) => call('community-people', { communityId })
export const grantRole = (input: Parameters<typeof call<'role-grant'>>[1]) => call('role-grant', input)
export const revokeRole = (input: Parameters<typeof call<'role-revoke'>>[1]) => call('role-revoke', input)
export const fetchAuditLog = (communityId: string, afterSeq = 0) => call('audit-log', { communityId, afterSeq, limit: 50 })
