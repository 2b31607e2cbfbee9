// Who is signed in (as the server says), and which community they are looking at.
import { create } from 'zustand'
import type { MeOutput, MyMembership } from '../contracts/identity'
import type { Role } from '../domain/roles'
import { canSwitchDevIdentity, switchDevIdentity } from '../services/cloud-client'
import { fetchMe } from '../services/identity'

type Status = 'idle' | 'loading' | 'ready' | 'failed'

interface SessionState {
  status: Status
  me: MeOutput | null
  communityId: string | null
  error: string | null
  load(force?: boolean): Promise<void>
  selectCommunity(id: string): void
  /** Development mode on the local host: back to the sign-in page to pick another demo person. */
  switchIdentity(): void
  reset(): void
}

const initial = { status: 'idle' as Status, me: null, communityId: null, error: null }

export const useSession = create<SessionState>()((set, get) => ({
  ...initial,
  async load(force = false) {
    if (!force && (get().status === 'loading' || get().status === 'ready')) return
    set({ status: 'loading', error: null })
    try {
      const me = await fetchMe()
      const keep = get().communityId
      const communityId = me.memberships.some((m) => m.communityId === keep) ? keep : me.memberships[0]?.communityId ?? null
      set({ status: 'ready', me, communityId })
    } catch (e) {
      set({ status: 'failed', error: e instanceof Error ? e.message : String(e) })
    }
  },
  selectCommunity(id) {
    set({ communityId: id })
  },
  switchIdentity() {
    switchDevIdentity()
  },
  reset() {
    set(initial)
  },
}))

export function currentMembership(s: Pick<SessionState, 'me' | 'communityId'>): MyMembership | null {
  return s.me?.memberships.find((m) => m.communityId === s.communityId) ?? null
}

export const hasRole = (m: MyMembership | null, ...roles: Role[]): boolean => !!m && roles.some((r) => m.roles.includes(r))

/** Whether this person may switch demo identity here (development mode in a browser). */
export const canSwitchIdentity = (me: MeOutput | null): boolean => !!me?.devMode && canSwitchDevIdentity()
