// What a host's adapter bundle offers beyond the ports: the development
// outbox page and shutdown. Every adapter (SQLite, PostgreSQL, CloudBase)
// implements the whole of Ports; a missing port does not build.
import type { Ports } from './ports'

export interface OutboxRow { id: number; community_id: string; recipient_id: string; kind: string; title: string; body: string; page: string | null; created_at: number }

export interface HostPorts extends Ports {
  /** Newest notices first, for the development outbox page; absent where notices leave the process (WeChat). */
  outbox?(limit: number): Promise<OutboxRow[]>
  close(): void | Promise<void>
}
