// Renders its children once the signed-in person and their community are
// known; until then the loading, failed (with retry) or "no community" state.
import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { MyMembership } from '../contracts/identity'
import { AsyncView } from './async-view'
import { useCommunity } from './use-community'

export function CommunityGate({ children }: { children: (communityId: string, membership: MyMembership) => ReactNode }) {
  const { status, me, error, communityId, membership, retry } = useCommunity()
  return (
    <AsyncView
      resource={{ status, data: me, error }}
      onRetry={retry}
      isEmpty={() => !communityId || !membership}
      empty={<Text>您还没有加入任何小区。请到「我的」绑定您的房屋。</Text>}
    >
      {() => children(communityId!, membership!)}
    </AsyncView>
  )
}
