// One item: what was raised, its timeline, and the buttons the server says
// this person may use (assign, progress, complete, confirm, reopen).
import { View, Text, Textarea, Picker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import { CATEGORY_LABELS } from '../../../../domain/captains/categories'
import { ASSIGNEE_LABELS, ESCALATION_LABELS, STEP_LABELS, type Assignee } from '../../../../domain/captains/rectification'
import { DAY, formatShanghai } from '../../../../domain/captains/time'
import { actOnItem, itemResource, useCaptainSelection } from '../../../../stores/captains'
import { StatusTag } from '../../components/item-card'
import { PhotoPicker } from '../../components/photo-picker'
import '../../components/captain.scss'

const ASSIGNEES: Assignee[] = ['property', 'committee']
const DEADLINE_DAYS = [3, 7, 14, 30]

function routeId(): string | null {
  try {
    return Taro.getCurrentInstance()?.router?.params?.id ?? null
  } catch {
    return null
  }
}

export default function ItemPage() {
  const { communityId } = useCommunity()
  const selected = useCaptainSelection((s) => s.itemId)
  const itemId = routeId() ?? selected ?? ''
  const detail = itemResource.store(itemResource.select(communityId ?? '', itemId))
  const { load, reload } = itemResource.store.getState()
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [assignee, setAssignee] = useState(0)
  const [days, setDays] = useState(1)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  useEffect(() => {
    if (communityId && itemId) void load(communityId, itemId)
  }, [communityId, itemId, load])

  const act = async (command: Parameters<typeof actOnItem>[0]['command'], message: string) => {
    if (!communityId) return
    setBusy(true)
    setDone(null)
    try {
      await actOnItem({ communityId, itemId, command })
      setNote('')
      setPhotos([])
      setDone(message)
    } catch {
      // Shown in the notice bar.
    } finally {
      setBusy(false)
    }
  }

  if (!itemId) {
    return <PageShell title='事项详情'><View className='gj-card'><Text>没有选中的事项，请从事项列表打开。</Text></View></PageShell>
  }
  return (
    <PageShell title='事项详情'>
      <AsyncView resource={detail} onRetry={() => communityId && void reload(communityId, itemId)}>
        {({ item, steps }) => (
          <>
            <View className='gj-card' data-testid='item'>
              <View className='cap-item__head'>
                <Text className='gj-card__head'>{CATEGORY_LABELS[item.category]} · {item.building} {item.unitNo}</Text>
                <StatusTag status={item.status} />
              </View>
              <Text className='cap-item__desc'>{item.description}</Text>
              {item.assignee && <View className='gj-row'><Text>整改方</Text><Text>{ASSIGNEE_LABELS[item.assignee]}</Text></View>}
              {item.deadline && <View className='gj-row'><Text>整改期限</Text><Text>{formatShanghai(item.deadline)}</Text></View>}
              {item.escalation > 0 && <Text className='cap-warn'>{ESCALATION_LABELS[item.escalation]}</Text>}
            </View>

            {item.canAct.length > 0 && (
              <View className='gj-card cap-noprint' data-testid='actions'>
                {item.canAct.includes('assign') && (
                  <>
                    <View className='gj-card__head'>分派整改</View>
                    <Picker mode='selector' range={ASSIGNEES.map((a) => ASSIGNEE_LABELS[a])} value={assignee} onChange={(e) => setAssignee(Number(e.detail.value))}>
                      <View className='cap-field'><Text>交给</Text><Text>{ASSIGNEE_LABELS[ASSIGNEES[assignee]]}</Text></View>
                    </Picker>
                    <Picker mode='selector' range={DEADLINE_DAYS.map((d) => `${d} 天内`)} value={days} onChange={(e) => setDays(Number(e.detail.value))}>
                      <View className='cap-field'><Text>期限</Text><Text>{DEADLINE_DAYS[days]} 天内</Text></View>
                    </Picker>
                    <View className='cap-actions'>
                      <Button type='primary' block disabled={busy} onClick={() => act({ kind: 'assign', assignee: ASSIGNEES[assignee], deadline: Date.now() + DEADLINE_DAYS[days] * DAY, note: '' }, `已分派给${ASSIGNEE_LABELS[ASSIGNEES[assignee]]}`)}>
                        分派给{ASSIGNEE_LABELS[ASSIGNEES[assignee]]}
                      </Button>
                    </View>
                  </>
                )}
                {(item.canAct.includes('complete') || item.canAct.includes('progress') || item.canAct.includes('reopen')) && (
                  <>
                    <Textarea className='cap-textarea' placeholder={item.canAct.includes('reopen') ? '不满意？写明原因后可重新打开' : '写明做了什么（完成整改时必填）'} value={note} onInput={(e) => setNote(e.detail.value)} />
                    <PhotoPicker communityId={communityId ?? ''} value={photos} onChange={setPhotos} />
                  </>
                )}
                <View className='cap-actions'>
                  {item.canAct.includes('progress') && <Button block disabled={busy} onClick={() => act({ kind: 'progress', note, photos }, '已更新进展')}>更新进展</Button>}
                  {item.canAct.includes('complete') && <Button type='primary' block disabled={busy} onClick={() => act({ kind: 'complete', note, photos }, '已提交完成，等待业主确认')}>完成整改</Button>}
                  {item.canAct.includes('confirm') && <Button type='primary' block disabled={busy} onClick={() => act({ kind: 'confirm', note: '' }, '已确认完成，谢谢')}>确认完成</Button>}
                  {item.canAct.includes('reopen') && <Button type='danger' block disabled={busy} onClick={() => act({ kind: 'reopen', reason: note, photos }, '已重新打开')}>重新打开</Button>}
                </View>
                {done && <View className='cap-done' role='status'>{done}</View>}
              </View>
            )}
            {item.canAct.length === 0 && done && <View className='gj-card'><View className='cap-done' role='status'>{done}</View></View>}

            <View className='gj-section-title'>处理记录</View>
            <View className='gj-card' data-testid='timeline'>
              {steps.map((s, i) => (
                <View key={i} className='cap-step'>
                  <Text>{STEP_LABELS[s.action]} · {s.actorName}</Text>
                  <Text className='gj-muted'>{'　'}{formatShanghai(s.at)}</Text>
                  {s.note && <View><Text>{s.note}</Text></View>}
                  {s.photos.length > 0 && <Text className='gj-muted'>照片 {s.photos.length} 张</Text>}
                </View>
              ))}
            </View>
          </>
        )}
      </AsyncView>
    </PageShell>
  )
}
