// The map from cloud-function name to its input and answer types. The client
// imports it as types only; each capability adds its own interface here.
import type { z } from 'zod'
import type * as identity from './identity'
import type * as roll from './roll'
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

export interface RollApi {
  'roll-preview': Fn<typeof roll.rollPreviewInput, roll.RollPreviewOutput>
  'roll-commit': Fn<typeof roll.rollCommitInput, roll.RollCommitOutput>
  'roll-versions': Fn<typeof roll.rollVersionsInput, roll.RollVersionView[]>
  'roll-template': Fn<typeof roll.rollTemplateInput, roll.RollTemplateOutput>
  'bind-unit': Fn<typeof roll.bindUnitInput, roll.BindUnitOutput>
  'verification-submit': Fn<typeof roll.verificationSubmitInput, roll.VerificationView>
  'verification-mine': Fn<typeof roll.verificationMineInput, roll.VerificationView[]>
  'verification-list': Fn<typeof roll.verificationListInput, roll.VerificationQueueItem[]>
  'verification-decide': Fn<typeof roll.verificationDecideInput, roll.VerificationView>
  'resident-invite': Fn<typeof roll.residentInviteInput, roll.ResidentInviteOutput>
  'resident-redeem': Fn<typeof roll.residentRedeemInput, roll.ResidentRedeemOutput>
  'resident-list': Fn<typeof roll.residentListInput, roll.ResidentView[]>
  'resident-unlink': Fn<typeof roll.residentUnlinkInput, roll.AuditedChange>
  'community-search': Fn<typeof roll.communitySearchInput, roll.CommunityFound[]>
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
export interface Api extends IdentityApi, VotingApi, RollApi {}

export type FunctionName = keyof Api
