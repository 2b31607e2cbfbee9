// The one wrapper around every cloud function: parse the input, resolve the
// caller from the platform (never the payload), check roles, run the use case,
// answer `{ ok, data }` or `{ ok: false, code, message }`.
import type { z } from 'zod'
import { AppError, isAppError } from '../../domain/errors'
import type { Role } from '../../domain/roles'
import type { Result } from '../../contracts/result'
import type { Membership, Person, Ports } from './ports'
import { zhErrorMap } from './zod-messages'

/** Who the platform says is calling: WeChat's OPENID, or the host's signed session. */
export interface Principal {
  openid: string
}

export interface Invocation {
  principal: Principal | null
  ports: Ports
  devMode: boolean
}

export interface CommunityAccess {
  communityId: string
  roles: Role[]
  buildings: string[]
}

export interface Caller {
  person: Person
  memberships: Membership[]
  /** Present for functions that act inside one community. */
  community: CommunityAccess | null
}

export type Access =
  | { kind: 'public' }
  /**
   * The platform identified the caller (an OPENID, the host's session) who
   * may have no person yet: registration. The use case reads `principal`.
   */
  | { kind: 'principal' }
  /** A registered person; one identified but not registered is told NOT_REGISTERED. */
  | { kind: 'person' }
  /** The caller must hold one of these roles in `input.communityId`. */
  | { kind: 'community'; roles: readonly Role[] }
  /**
   * Run by the platform, never by a person: a call with NO principal at all.
   * On CloudBase that is a timer trigger's call or the operator's 云端测试 in
   * the console (a mini-program's call always carries an OPENID); on the host,
   * its own timer and the operator's CLI (src/cli). The host does not serve
   * such functions over HTTP at all.
   */
  | { kind: 'platform' }

export interface UseCase<I> {
  input: I
  caller: Caller | null
  /** Who the platform says is calling, registered or not (null for 'platform' and anonymous 'public' calls). */
  principal: Principal | null
  ports: Ports
  now: number
  devMode: boolean
}

export interface FunctionDef<S extends z.ZodTypeAny, O> {
  name: string
  input: S
  access: Access
  run(ctx: UseCase<z.output<S>>): Promise<O>
}

export type CloudFunction = ((event: unknown, inv: Invocation) => Promise<Result<unknown>>) & { fnName: string; access: Access }

function describeZodError(error: z.ZodError): AppError {
  const issue = error.issues[0]
  const field = issue.path.join('.')
  const message = issue.code === 'unrecognized_keys' ? `不认识的字段：${issue.keys.join('、')}` : issue.message
  return new AppError('INVALID_INPUT', field ? `${field}：${message}` : message, { field, issues: error.issues.length })
}

async function resolveCaller(inv: Invocation, access: Access, input: unknown): Promise<Caller | null> {
  if (access.kind === 'platform') {
    if (inv.principal) throw new AppError('FORBIDDEN', '此功能只能由系统运行（定时任务或管理员在后台操作），不能在小程序中调用')
    return null
  }
  if (!inv.principal) {
    if (access.kind === 'public') return null
    throw new AppError('UNAUTHENTICATED', '请先登录')
  }
  const found = await inv.ports.identity.callerByOpenid(inv.principal.openid)
  if (!found) {
    if (access.kind === 'public' || access.kind === 'principal') return null
    // Signed in, yet no person: the client shows registration, not sign-in.
    throw new AppError('NOT_REGISTERED', '请先填写称呼完成注册')
  }
  const { person, memberships } = found
  let community: CommunityAccess | null = null
  const communityId = (input as { communityId?: unknown }).communityId
  if (typeof communityId === 'string') {
    const mine = memberships.filter((m) => m.communityId === communityId)
    community = { communityId, roles: mine.map((m) => m.role), buildings: mine.flatMap((m) => m.buildings) }
  }
  if (access.kind === 'community') {
    if (!community) throw new AppError('INVALID_INPUT', 'communityId：缺少小区编号', { field: 'communityId' })
    if (!access.roles.some((r) => community!.roles.includes(r))) {
      throw new AppError('FORBIDDEN', '您在本小区没有执行此操作的权限')
    }
  }
  return { person, memberships, community }
}

export function defineFunction<S extends z.ZodTypeAny, O>(def: FunctionDef<S, O>): CloudFunction {
  const fn = async (event: unknown, inv: Invocation): Promise<Result<O>> => {
    try {
      const parsed = def.input.safeParse(event ?? {}, { errorMap: zhErrorMap })
      if (!parsed.success) throw describeZodError(parsed.error)
      const caller = await resolveCaller(inv, def.access, parsed.data)
      const principal = def.access.kind === 'platform' ? null : inv.principal
      const data = await def.run({ input: parsed.data, caller, principal, ports: inv.ports, now: inv.ports.now(), devMode: inv.devMode })
      return { ok: true, data }
    } catch (e) {
      if (isAppError(e)) return { ok: false, code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) }
      // Never leak SQL or stack traces to the client; the host logs them.
      console.error(`[${def.name}]`, e)
      return { ok: false, code: 'INTERNAL', message: '服务暂时出错，请稍后重试' }
    }
  }
  return Object.assign(fn, { fnName: def.name, access: def.access })
}

/** For 'principal' use cases: who the platform says is calling (always present there). */
export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw new AppError('UNAUTHENTICATED', '请先登录')
  return principal
}

/** For use cases: the caller, known to be signed in. */
export function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw new AppError('UNAUTHENTICATED', '请先登录')
  return caller
}
