// A board of items: my household's, a building's, my organisation's tasks,
// or the whole community's; newest first, 20 at a time.
import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { go, PAGES } from '../../../../components/nav'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import { STATUS_LABELS, STATUSES } from '../../../../domain/captains/rectification'
import { boardMore, boardResource, itemResource, useCaptainSelection } from '../../../../stores/captains'
import { ItemCard } from '../../components/item-card'

const TITLES = { mine: '我反映的问题', building: '楼栋事项', assigned: '我的整改任务', all: '整改看板' } as const

export default function ItemsPage() {
  const { communityId } = useCommunity()
  const { scope, building } = useCaptainSelection()
  const board = boardResource.store(boardResource.select(communityId ?? '', scope, building))
  const { load, reload } = boardResource.store.getState()
  const [more, setMore] = useState<typeof board.data>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    setMore(null)
    if (communityId) void load(communityId, scope, building)
  }, [communityId, scope, building, load])

  const open = (itemId: string) => {
    useCaptainSelection.getState().select({ itemId })
    if (communityId) void itemResource.store.getState().reload(communityId, itemId)
    go(`${PAGES.captainItem}?id=${itemId}`)()
  }
  const title = scope === 'building' && building ? `${building}事项` : TITLES[scope]
  return (
    <PageShell title={title}>
      <AsyncView resource={board} onRetry={() => communityId && void reload(communityId, scope, building)} isEmpty={(d) => d.items.length === 0}
        empty={<Text className='gj-state__text'>{scope === 'assigned' ? '没有待处理的整改任务。' : '还没有事项。'}</Text>}>
        {(first) => {
          const data = more ?? first
          return (
            <>
              <View className='gj-card' data-testid='counts'>
                <View className='gj-tags'>
                  {STATUSES.filter((s) => data.counts[s] > 0).map((s) => <Text key={s} className='gj-muted'>{STATUS_LABELS[s]} {data.counts[s]}　</Text>)}
                </View>
              </View>
              <View className='gj-card'>
                {data.items.map((it) => <ItemCard key={it.id} item={it} onOpen={() => open(it.id)} />)}
              </View>
              {data.nextCursor && (
                <Button block disabled={busy} onClick={async () => {
                  if (!communityId) return
                  setBusy(true)
                  try { setMore(await boardMore(communityId, scope, building, data)) } catch { /* shown in the notice bar */ } finally { setBusy(false) }
                }}>加载更多</Button>
              )}
            </>
          )
        }}
      </AsyncView>
    </PageShell>
  )
}
