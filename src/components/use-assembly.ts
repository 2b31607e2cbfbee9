// The assembly a vote page is about: the `id` in its query, or (opened without
// one, e.g. from a notice) the first assembly of the list, open ones first.
import { useEffect } from 'react'
import { assemblyListResource, assemblyResource } from '../stores/voting'
import { pageParam } from './nav'

export function useAssembly(communityId: string, explicit?: string) {
  const wanted = explicit ?? pageParam('id')
  const list = assemblyListResource.store(assemblyListResource.select(communityId))
  const assemblyId = wanted ?? list.data?.[0]?.id ?? ''
  const detail = assemblyResource.store(assemblyResource.select(communityId, assemblyId))
  useEffect(() => {
    if (!wanted) void assemblyListResource.store.getState().load(communityId)
  }, [communityId, wanted])
  useEffect(() => {
    if (assemblyId) void assemblyResource.store.getState().load(communityId, assemblyId)
  }, [communityId, assemblyId])
  const none = !wanted && list.status === 'ready' && list.data?.length === 0
  return {
    assemblyId,
    /** Loading until the list has named one; empty when the community has none. */
    resource: none ? { status: 'ready' as const, data: null, error: null } : assemblyId ? detail : { ...list, data: null },
    none,
    retry: () => void (assemblyId ? assemblyResource.store.getState().reload(communityId, assemblyId) : assemblyListResource.store.getState().reload(communityId)),
  }
}
