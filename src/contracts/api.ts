// The map from cloud-function name to its input and answer types. The client
// imports it as types only; each capability adds its own interface here.
import type { z } from 'zod'
import type * as identity from './identity'
import type * as voting from './voting'

export type Fn<I extends z.ZodTypeAny, O> = { input: z.input<I>; output: O }

export interface IdentityApi {
  ping: Fn<typeof identity.pingInput, identity.PingOutput>
  me: Fn<typeof identity.meInput, identity.MeOutput>
  'role-grant': Fn<typeof identity.roleGrantInput, identity.RoleChangeOutput>
  'role-revoke': Fn<typeof identity.roleRevokeInput, identity.RoleChangeOutput>
  'audit-log': Fn<typeof identity.auditLogInput, identity.AuditLogOutput>
  'community-overview': Fn<typeof identity.communityOverviewInput, identity.CommunityOverview>
  'community-people': Fn<typeof identity.communityPeopleInput, identity.CommunityPerson[]>
  'file-upload': Fn<typeof identity.fileUploadInput, identity.UploadedFile>
}

export interface VotingApi {
  'assembly-call': Fn<typeof voting.assemblyCallInput, voting.AssemblyCallOutput>
  'assembly-list': Fn<typeof identity.communityInput, voting.AssemblySummary[]>
  'assembly-get': Fn<typeof voting.assemblyRef, voting.AssemblyDetail>
  'ballot-cast': Fn<typeof voting.ballotCastInput, voting.BallotReceipt>
  'ballot-paper': Fn<typeof voting.ballotPaperInput, voting.BallotReceipt>
  'proxy-grant': Fn<typeof voting.proxyGrantInput, voting.ProxyGrantOutput>
  'proxy-revoke': Fn<typeof voting.proxyRevokeInput, voting.AuditedOutput>
  'assembly-close': Fn<typeof voting.assemblyRef, voting.PublishedResultView>
  'objection-file': Fn<typeof voting.objectionFileInput, voting.ObjectionFileOutput>
  'objection-resolve': Fn<typeof voting.objectionResolveInput, voting.AuditedOutput>
  'assembly-certify': Fn<typeof voting.assemblyRef, voting.PublishedResultView>
  'ballot-list': Fn<typeof voting.assemblyRef, voting.PublishedBallot[]>
  'assembly-export': Fn<typeof voting.assemblyRef, voting.ExportPackage>
}

// One `extends` per capability.
export interface Api extends IdentityApi, VotingApi {}

export type FunctionName = keyof Api
