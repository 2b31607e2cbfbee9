// Requests and answers of the identity and membership functions.
import { z } from 'zod'
import { APPOINTED_ROLES, type Role } from '../domain/roles'
import type { FileKind, FilePurpose } from '../domain/files'
import { PERSON_NAME_MAX, PERSON_NAME_MISSING, PERSON_NAME_TOO_LONG } from '../domain/person-name'

export const id = (label: string) => z.string({ required_error: `缺少${label}`, invalid_type_error: `${label}格式不正确` }).min(1, `缺少${label}`).max(64, `${label}过长`)
export const communityInput = z.object({ communityId: id('小区编号') }).strict()

export const pingInput = z.object({}).strict()
export type PingOutput = { pong: true; at: number }

export const meInput = z.object({}).strict()

/** The name a newcomer wants to be called by, as they type it (trimmed). */
export const personRegisterInput = z.object({
  name: z.string({ required_error: PERSON_NAME_MISSING, invalid_type_error: PERSON_NAME_MISSING }).trim().min(1, PERSON_NAME_MISSING).max(PERSON_NAME_MAX, PERSON_NAME_TOO_LONG),
}).strict()
export interface PersonRegisterOutput {
  person: { id: string; name: string }
}

/**
 * Founding a community, by the operator only (access 'platform'). The id is
 * how every record of the community is keyed (CloudBase joins keys with '|'),
 * hence the narrow alphabet.
 */
export const communityFoundInput = z.object({
  communityId: z.string({ required_error: '缺少小区编号' }).regex(/^c-[a-z0-9][a-z0-9-]{0,39}$/, '小区编号须以 c- 开头，只用小写字母、数字和短横线，最长 42 个字符（如 c-changcheng2）'),
  name: z.string({ required_error: '缺少小区名称' }).trim().min(1, '缺少小区名称').max(40, '小区名称最多 40 个字'),
  committeeId: id('首位业委会成员的人员编号'),
}).strict()
export interface CommunityFoundOutput {
  communityId: string
  name: string
  committeeId: string
  auditSeq: number
}
export interface MyMembership {
  communityId: string
  communityName: string
  roles: Role[]
  buildings: string[]
}
export interface MyUnit {
  communityId: string
  building: string
  unitNo: string
  area: number
  relation: 'owner' | 'resident'
}
export interface MeOutput {
  person: { id: string; name: string }
  memberships: MyMembership[]
  units: MyUnit[]
  devMode: boolean
}

const appointable = z.enum(APPOINTED_ROLES as [Role, ...Role[]], { errorMap: () => ({ message: '角色只能是楼长、业委会、物业或监督' }) })

export const roleGrantInput = communityInput.extend({
  personId: id('人员编号'),
  role: appointable,
  buildings: z.array(z.string().min(1).max(20)).max(50).default([]),
}).strict()

export const roleRevokeInput = communityInput.extend({
  personId: id('人员编号'),
  role: appointable,
}).strict()

export interface RoleChangeOutput {
  personId: string
  role: Role
  buildings: string[]
  auditSeq: number
}

export const auditLogInput = communityInput.extend({
  afterSeq: z.number({ invalid_type_error: '起始序号必须是整数' }).int('起始序号必须是整数').min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
}).strict()

export interface AuditLogEntry {
  seq: number
  at: number
  actorId: string | null
  actorName: string | null
  action: string
  subject: string
  /** The person the entry is about, when its subject is a person of the community. */
  subjectName: string | null
  data: unknown
  prevHash: string
  hash: string
}
export interface AuditLogOutput {
  entries: AuditLogEntry[]
  nextAfterSeq: number | null
  verdict: { valid: boolean; length: number; brokenAtSeq?: number; reason?: string; headHash?: string }
}

export const communityPeopleInput = communityInput
export interface CommunityPerson {
  id: string
  name: string
  roles: Role[]
  buildings: string[]
}

export const communityOverviewInput = communityInput
export interface CommunityOverview {
  communityId: string
  name: string
  /** The roll every vote counts against: area in hundredths of m², heads by the legal rule. */
  roll: { version: number; units: number; area: number; heads: number; buildings: Array<{ building: string; units: number; area: number; heads: number }> } | null
}

/** Bytes arrive only through the host's binary upload route (or cloud storage on WeChat), never as JSON. */
export const fileUploadInput = communityInput.extend({
  purpose: z.enum(['photo', 'document', 'spreadsheet'], { errorMap: () => ({ message: '用途只能是照片、文件或表格' }) }),
  name: z.string().trim().min(1, '缺少文件名').max(120, '文件名过长'),
  bytes: z.instanceof(Uint8Array, { message: '文件内容须通过上传接口提交' }),
}).strict()
export interface UploadedFile {
  fileId: string
  name: string
  kind: FileKind
  purpose: FilePurpose
  size: number
}
