// The map from cloud-function name to its input and answer types. The client
// imports it as types only; each capability adds its own interface here.
import type { z } from 'zod'
import type * as identity from './identity'

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

// One `extends` per capability.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Api extends IdentityApi {}

export type FunctionName = keyof Api
