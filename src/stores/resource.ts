// One shape for every list or record a page loads: loading, ready, failed
// (with retry). Keyed by the arguments, so switching community refetches.
import { create } from 'zustand'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed'

export interface Resource<T> {
  status: LoadStatus
  data: T | null
  error: string | null
}

interface ResourceState<A extends unknown[], T> {
  entries: Record<string, Resource<T>>
  load(...args: A): Promise<void>
  reload(...args: A): Promise<void>
  reset(): void
}

const IDLE: Resource<never> = { status: 'idle', data: null, error: null }

export function createResourceStore<A extends unknown[], T>(fetcher: (...args: A) => Promise<T>) {
  const keyOf = (args: A) => JSON.stringify(args)
  const store = create<ResourceState<A, T>>()((set, get) => {
    const fetchInto = async (args: A) => {
      const key = keyOf(args)
      set((s) => ({ entries: { ...s.entries, [key]: { status: 'loading', data: s.entries[key]?.data ?? null, error: null } } }))
      try {
        const data = await fetcher(...args)
        set((s) => ({ entries: { ...s.entries, [key]: { status: 'ready', data, error: null } } }))
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e)
        set((s) => ({ entries: { ...s.entries, [key]: { status: 'failed', data: s.entries[key]?.data ?? null, error } } }))
      }
    }
    return {
      entries: {},
      async load(...args) {
        const current = get().entries[keyOf(args)]
        if (current && (current.status === 'loading' || current.status === 'ready')) return
        await fetchInto(args)
      },
      reload: (...args) => fetchInto(args),
      reset: () => set({ entries: {} }),
    }
  })
  const select = (...args: A) => (s: ResourceState<A, T>): Resource<T> => s.entries[keyOf(args)] ?? IDLE
  return { store, select }
}

/** A write that, once answered, reloads the community's list it changed; answers what the write answered. */
export function thenReload<I extends { communityId: string }, R>(
  write: (input: I) => Promise<R>,
  resource: { store: { getState(): { reload(communityId: string): Promise<void> } } },
): (input: I) => Promise<R> {
  return async (input) => {
    const result = await write(input)
    await resource.store.getState().reload(input.communityId)
    return result
  }
}
