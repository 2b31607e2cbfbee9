// Requests and answers of the identity and membership functions.
import { z } from 'zod'
import { APPOINTED_ROLES, type Role } from '../domain/roles'
import type { FileKind, FilePurpose } from '../domain/files'

export const id = (label: string) => z.string({ required_error: `缺少${label}`, invalid_type_error: `${label}格式不正确` }).min(1, `缺少${label}`).max(64, `${label}过长`)
export const communityInput = z.object({ communityId: id('小区编号') }).strict()

export const pingInput = z.object({}).strict()
export type PingOutput = { pong: true; at: number }

export const meInput = z.object({}).strict()
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
