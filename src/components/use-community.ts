// The signed-in person and the community a page acts in; loads them once.
import { useEffect } from 'react'
import { currentMembership, useSession } from '../stores/session'

export function useCommunity() {
  const status = useSession((s) => s.status)
  const me = useSession((s) => s.me)
  const communityId = useSession((s) => s.communityId)
  const error = useSession((s) => s.error)
  const load = useSession((s) => s.load)
  useEffect(() => {
    void load()
  }, [load])
  return { status, me, communityId, error, membership: currentMembership({ me, communityId }), retry: () => void load(true) }
}
