// 审计日志: the community's hash chain, newest verification verdict first.
import { View, Text } from '@tarojs/components'
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import { auditActionLabel } from '../../../../domain/audit-actions'
import { ROLE_LABELS, isRole } from '../../../../domain/roles'
import { auditResource } from '../../../../stores/community'
import './index.scss'

dayjs.extend(utc)
dayjs.extend(timezone)

const describe = (data: unknown): string => {
  if (!data || typeof data !== 'object') return ''
  const d = data as Record<string, unknown>
  const parts: string[] = []
  if (typeof d.role === 'string' && isRole(d.role)) parts.push(ROLE_LABELS[d.role])
  if (Array.isArray(d.buildings) && d.buildings.length) parts.push(d.buildings.join('、'))
  if (typeof d.units === 'number') parts.push(`${d.units} 户`)
  return parts.join(' · ')
}

function AuditPage({ communityId, afterSeq, isLast, onMore }: { communityId: string; afterSeq: number; isLast: boolean; onMore: (next: number) => void }) {
  const resource = auditResource.store(auditResource.select(communityId, afterSeq))
  const { load, reload } = auditResource.store.getState()
  useEffect(() => void load(communityId, afterSeq), [communityId, afterSeq, load])
  return (
    <AsyncView resource={resource} onRetry={() => void reload(communityId, afterSeq)} isEmpty={(d) => d.entries.length === 0} empty={<Text>还没有审计记录</Text>}>
      {(page) => (
        <>
          {afterSeq === 0 && (
            <View className={`gj-card ${page.verdict.valid ? 'audit-ok' : 'audit-broken'}`} data-testid='verdict'>
              {page.verdict.valid
                ? <Text>哈希链完整：共 {page.verdict.length} 条，未发现篡改。</Text>
                : <Text>哈希链在第 {page.verdict.brokenAtSeq} 条断开：{page.verdict.reason}</Text>}
            </View>
          )}
          <View className='gj-card'>
            {page.entries.map((e) => (
              <View key={e.seq} className='gj-row audit-entry'>
                <View>
                  <Text className='audit-entry__title'>#{e.seq} {auditActionLabel(e.action)}{e.subjectName ? `：${e.subjectName}` : ''}</Text>
                  <Text className='gj-muted audit-entry__meta'>{e.actorName ?? '系统'} · {dayjs(e.at).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm')} · {describe(e.data)}</Text>
                  <Text className='gj-muted audit-entry__hash'>{e.hash.slice(0, 16)}…</Text>
                </View>
              </View>
            ))}
          </View>
          {isLast && page.nextAfterSeq !== null && <Button block onClick={() => onMore(page.nextAfterSeq!)}>加载更多</Button>}
        </>
      )}
    </AsyncView>
  )
}

export default function AuditLogPage() {
  const { communityId } = useCommunity()
  const [pages, setPages] = useState<number[]>([0])
  return (
    <PageShell title='审计日志'>
      {communityId && pages.map((after, i) => (
        <AuditPage key={after} communityId={communityId} afterSeq={after} isLast={i === pages.length - 1} onMore={(next) => setPages([...pages, next])} />
      ))}
    </PageShell>
  )
}
