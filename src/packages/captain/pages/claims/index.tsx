// 认领清单: the committee publishes needs; members claim them (领单); the
// committee dispatches unclaimed ones (派单); the list shows who did what, when.
import { View, Text, Input, Picker, Textarea } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { PageShell } from '../../../../components/page-shell'
import { Button, Tag } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import { CLAIM_STATUS_LABELS } from '../../../../domain/captains/claims'
import { formatShanghai } from '../../../../domain/captains/time'
import { actOnClaim, claimsResource, publishClaim } from '../../../../stores/captains'
import { peopleResource } from '../../../../stores/community'
import { hasRole } from '../../../../stores/session'
import '../../components/captain.scss'

export default function ClaimsPage() {
  const { communityId, membership } = useCommunity()
  const isCommittee = hasRole(membership, 'committee')
  const list = claimsResource.store(claimsResource.select(communityId ?? ''))
  const people = peopleResource.store(peopleResource.select(communityId ?? ''))
  const [title, setTitle] = useState('')
  const [detail, setDetail] = useState('')
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [target, setTarget] = useState(0)
  useEffect(() => {
    if (!communityId) return
    void claimsResource.store.getState().load(communityId)
    if (isCommittee) void peopleResource.store.getState().load(communityId)
  }, [communityId, isCommittee])
  const run = (fn: () => Promise<unknown>) => () => void fn().catch(() => undefined)
  const members = people.data ?? []

  return (
    <PageShell title='认领清单'>
      {isCommittee && communityId && (
        <View className='gj-card cap-noprint' data-testid='publish'>
          <View className='gj-card__head'>发布需求</View>
          <View className='cap-field'><Text>标题</Text><Input className='cap-field__input' placeholder='如 清理3栋天台杂物' value={title} onInput={(e) => setTitle(e.detail.value)} /></View>
          <Textarea className='cap-textarea' placeholder='说明（可选）' value={detail} onInput={(e) => setDetail(e.detail.value)} />
          <Button type='primary' block onClick={run(async () => { await publishClaim({ communityId, title, detail }); setTitle(''); setDetail('') })}>发布</Button>
        </View>
      )}
      <AsyncView resource={list} onRetry={() => communityId && void claimsResource.store.getState().reload(communityId)} isEmpty={(d) => d.tasks.length === 0}
        empty={<Text className='gj-state__text'>还没有需求。</Text>}>
        {(d) => (
          <View className='gj-card' data-testid='claims'>
            {d.tasks.map((t) => (
              <View key={t.id} className='cap-item'>
                <View className='cap-item__head'>
                  <Text>{t.title}</Text>
                  <Tag type={t.status === 'open' ? 'warning' : t.status === 'done' ? 'success' : 'primary'}>{CLAIM_STATUS_LABELS[t.status]}</Tag>
                </View>
                {t.detail && <Text className='cap-item__desc gj-muted'>{t.detail}</Text>}
                <Text className='gj-muted'>{formatShanghai(t.publishedAt, false)} {t.publishedBy}发布</Text>
                {t.takerName && <View><Text className='gj-muted'>{t.takenHow === 'dispatched' ? '派给' : '认领人'}：{t.takerName}（{formatShanghai(t.takenAt!)}）</Text></View>}
                {t.doneAt && <View><Text>完成：{t.doneNote}（{formatShanghai(t.doneAt)}）</Text></View>}
                {communityId && t.status === 'open' && (
                  <View className='cap-actions cap-noprint'>
                    <Button type='primary' block onClick={run(() => actOnClaim({ communityId, taskId: t.id, command: { kind: 'claim' } }))}>我来领单</Button>
                    {isCommittee && members.length > 0 && (
                      <>
                        <Picker mode='selector' range={members.map((p) => p.name)} value={target} onChange={(e) => setTarget(Number(e.detail.value))}>
                          <View className='cap-field'><Text>派给</Text><Text>{members[target]?.name}</Text></View>
                        </Picker>
                        <Button block onClick={run(() => actOnClaim({ communityId, taskId: t.id, command: { kind: 'dispatch', to: members[target].id } }))}>派单</Button>
                      </>
                    )}
                  </View>
                )}
                {communityId && t.status === 'taken' && t.mine && (
                  <View className='cap-actions cap-noprint'>
                    <Input className='cap-textarea' placeholder='完成情况' value={notes[t.id] ?? ''} onInput={(e) => setNotes({ ...notes, [t.id]: e.detail.value })} />
                    <Button type='primary' block onClick={run(() => actOnClaim({ communityId, taskId: t.id, command: { kind: 'done', note: notes[t.id] ?? '' } }))}>报告完成</Button>
                  </View>
                )}
              </View>
            ))}
          </View>
        )}
      </AsyncView>
    </PageShell>
  )
}
