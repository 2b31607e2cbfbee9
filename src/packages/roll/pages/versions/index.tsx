// 业主名册 (committee, supervisors): every roll version with its totals by
// building; the newest is what votes count against; older ones stay readable.
import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { go, PAGES } from '../../../../components/nav'
import { PageShell } from '../../../../components/page-shell'
import { Button, Tag } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import { hasRole } from '../../../../stores/session'
import { rollVersionsResource } from '../../../../stores/roll'
import { BuildingTable, RollStats } from '../../components/building-table'
import { formatTime } from '../../components/format'
import '../../roll.scss'

export default function RollVersionsPage() {
  const { communityId, membership } = useCommunity()
  const versions = rollVersionsResource.store(rollVersionsResource.select(communityId ?? ''))
  const { load, reload } = rollVersionsResource.store.getState()
  const [open, setOpen] = useState<number | null>(null)
  useEffect(() => {
    if (communityId) void load(communityId)
  }, [communityId, load])

  return (
    <PageShell title='业主名册'>
      {hasRole(membership, 'committee') && (
        <View className='roll-actions' style={{ marginBottom: '12px' }}>
          <Button type='primary' block onClick={go(PAGES.rollImport)}>导入新名册</Button>
        </View>
      )}
      <AsyncView resource={versions} onRetry={() => communityId && void reload(communityId)} isEmpty={(d) => d.length === 0} empty={<Text>还没有导入业主名册</Text>}>
        {(list) => list.map((v, i) => {
          const expanded = open === null ? i === 0 : open === v.version
          return (
            <View key={v.version} className='gj-card' data-testid={`version-${v.version}`}>
              <View className='gj-row' onClick={() => setOpen(expanded ? -1 : v.version)}>
                <Text className='gj-card__head'>第 {v.version} 版{i === 0 ? '' : '（历史）'}</Text>
                {i === 0 ? <Tag type='success'>当前使用</Tag> : <Text className='gj-muted'>{expanded ? '收起' : '展开'}</Text>}
              </View>
              <Text className='gj-muted'>{formatTime(v.createdAt)} · {v.source === 'demo' ? '演示数据' : `${v.createdByName ?? ''} 导入`}</Text>
              <RollStats units={v.units} area={v.area} heads={v.heads} />
              {expanded && <BuildingTable buildings={v.buildings} />}
            </View>
          )
        })}
      </AsyncView>
    </PageShell>
  )
}
