// 待处理报修 (property staff, committee, supervisors): every open request,
// the one due soonest first, late ones marked; 20 at a time.
import { View, Text } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { PAGES, to } from '../../../../components/nav'
import { PageShell } from '../../../../components/page-shell'
import { RepairCard } from '../../../../components/repair-card'
import { Button } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import type { RepairQueueOutput } from '../../../../contracts/repairs'
import { fetchRepairQueue, repairQueueResource } from '../../../../stores/repairs'
import { hasRole } from '../../../../stores/session'

function Queue({ communityId }: { communityId: string }) {
  const first = repairQueueResource.store(repairQueueResource.select(communityId))
  const { load, reload } = repairQueueResource.store.getState()
  const [more, setMore] = useState<RepairQueueOutput[]>([])
  const [busy, setBusy] = useState(false)
  useEffect(() => void load(communityId), [communityId, load])
  useDidShow(() => void reload(communityId))
  // A reloaded first page starts the list again.
  useEffect(() => setMore([]), [first.data])
  const next = (more[more.length - 1] ?? first.data)?.next ?? null
  const loadMore = async () => {
    if (!next) return
    setBusy(true)
    try {
      const page = await fetchRepairQueue(communityId, next)
      setMore((m) => [...m, page])
    } catch {
      // Shown in the notice bar.
    } finally {
      setBusy(false)
    }
  }
  return (
    <AsyncView resource={first} onRetry={() => void reload(communityId)} isEmpty={(d) => d.items.length === 0} empty={<Text>没有待处理的报修。</Text>}>
      {(page) => (
        <View data-testid='repair-queue'>
          {[page, ...more].flatMap((p) => p.items).map((r) => <RepairCard key={r.id} repair={r} showReporter onOpen={to(PAGES.repairDetail, { id: r.id })} />)}
          {next && <Button block disabled={busy} onClick={() => void loadMore()}>{busy ? '正在加载…' : '加载更多'}</Button>}
        </View>
      )}
    </AsyncView>
  )
}

export default function RepairQueuePage() {
  const { communityId, membership } = useCommunity()
  if (membership && !hasRole(membership, 'property', 'committee', 'supervisor')) {
    return <PageShell title='待处理报修'><View className='gj-card'><Text>只有物业、业委会和监督人员可以查看待处理报修。</Text></View></PageShell>
  }
  return <PageShell title='待处理报修'>{communityId ? <Queue communityId={communityId} /> : null}</PageShell>
}
