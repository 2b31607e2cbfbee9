// Who is signed in (as the server says), and which community they are looking at.
import { create } from 'zustand'
import type { MeOutput, MyMembership } from '../contracts/identity'
import type { Role } from '../domain/roles'
import { CallError, canSwitchDevIdentity, switchDevIdentity } from '../services/cloud-client'
import { fetchMe, registerPerson } from '../services/identity'

type Status = 'idle' | 'loading' | 'ready' | 'failed'

interface SessionState {
  status: Status
  me: MeOutput | null
  communityId: string | null
  error: string | null
  /** The platform knows who is calling but the app has no person for them yet: the registration screen (status is 'ready', me null). */
  unregistered: boolean
  /** A registration is on its way to the server. */
  registering: boolean
  load(force?: boolean): Promise<void>
  /** Registers the caller under this name, then loads who they are. A failure is announced by the notice bar and rethrown. */
  register(name: string): Promise<void>
  selectCommunity(id: string): void
  /** Development mode on the local host: back to the sign-in page to pick another demo person. */
  switchIdentity(): void
  reset(): void
}

const initial = { status: 'idle' as Status, me: null, communityId: null, error: null, unregistered: false, registering: false }

export const useSession = create<SessionState>()((set, get) => ({
  ...initial,
  async load(force = false) {
    if (!force && (get().status === 'loading' || get().status === 'ready')) return
    set({ status: 'loading', error: null })
    try {
      const me = await fetchMe()
      const keep = get().communityId
      const communityId = me.memberships.some((m) => m.communityId === keep) ? keep : me.memberships[0]?.communityId ?? null
      set({ status: 'ready', me, communityId, unregistered: false })
    } catch (e) {
      if (e instanceof CallError && e.code === 'NOT_REGISTERED') set({ status: 'ready', me: null, unregistered: true })
      else set({ status: 'failed', error: e instanceof Error ? e.message : String(e) })
    }
  },
  async register(name) {
    set({ registering: true })
    try {
      await registerPerson(name.trim())
      await get().load(true)
    } finally {
      set({ registering: false })
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
