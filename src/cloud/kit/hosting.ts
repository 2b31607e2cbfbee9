// What an adapter bundle offers beyond the ports: the host's development
// outbox page and shutdown. Also the rule for ports an adapter does not yet
// implement, so a capability added on SQLite first never breaks the build of
// the PostgreSQL host or the CloudBase bundles: calling such a port fails with
// a stable code (answered as a Chinese message), while every port the adapter
// does implement works.
import { AppError } from '../../domain/errors'
import type { Ports } from './ports'

/** The ports every adapter implements today (the foundation). */
export type FoundationPorts = Pick<Ports, 'now' | 'identity' | 'roles' | 'roll' | 'audit' | 'files' | 'notifications'>

export interface OutboxRow { id: number; community_id: string; recipient_id: string; kind: string; title: string; body: string; page: string | null; created_at: number }

export interface HostPorts extends Ports {
  /** Newest notices first, for the development outbox page; absent where notices leave the process (WeChat). */
  outbox?(limit: number): Promise<OutboxRow[]>
  close(): void | Promise<void>
}

/** Names asked of any object (promises, JSON, test matchers, the host's optional extras) that are never ports. */
const NOT_PORTS = new Set(['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', 'constructor', 'outbox', 'close', 'db', 'pool'])

/**
 * `implemented` plus, for any other port name the app asks for, a port whose
 * every method rejects with SYSTEM.NOT_AVAILABLE naming the platform. Each
 * capability's engineer adds its adapter line next to the foundation's; until
 * then its functions answer "not available here" instead of failing to build.
 */
export function withPendingPorts<T extends object>(implemented: T, platform: string): T & Ports {
  const pending = new Map<string, unknown>()
  const pendingPort = (name: string) =>
    new Proxy({}, {
      get: (_t, method) =>
        typeof method === 'string' && method !== 'then'
          ? () => Promise.reject(new AppError('SYSTEM.NOT_AVAILABLE', `此功能尚未在${platform}上提供`, { port: name, method }))
          : undefined,
    })
  return new Proxy(implemented, {
    get(target, key, receiver) {
      if (typeof key !== 'string' || key in target || NOT_PORTS.has(key)) return Reflect.get(target, key, receiver)
      if (!pending.has(key)) pending.set(key, pendingPort(key))
      return pending.get(key)
    },
  }) as T & Ports
}
