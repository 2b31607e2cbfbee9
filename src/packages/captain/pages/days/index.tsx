// Reception days of my buildings: time, place, free slots. Owners book a
// slot; the building's captain sees who booked and can cancel or move a day.
import { View, Text, Input, Picker } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import { fromShanghai, formatShanghai, shanghaiDate } from '../../../../domain/captains/time'
import type { ReceptionDayView } from '../../../../contracts/captains'
import { bookSlot, cancelDay, moveDay, upcomingResource } from '../../../../stores/captains'
import { hasRole } from '../../../../stores/session'
import '../../components/captain.scss'

const slotLabel = (d: ReceptionDayView, i: number) => formatShanghai(d.startsAt + i * d.slotMinutes * 60_000).slice(-5)

function CaptainTools({ day, communityId, onDone }: { day: ReceptionDayView; communityId: string; onDone: (m: string) => void }) {
  const [reason, setReason] = useState('')
  const [date, setDate] = useState(shanghaiDate(day.startsAt))
  const [time, setTime] = useState(formatShanghai(day.startsAt).slice(-5))
  const run = async (fn: () => Promise<unknown>, m: string) => {
    try {
      await fn()
      onDone(m)
    } catch { /* shown in the notice bar */ }
  }
  return (
    <View className='cap-noprint'>
      {(day.bookings ?? []).map((b) => <Text key={b.slot} className='gj-muted'>{slotLabel(day, b.slot)} {b.building} {b.unitNo}{b.note ? `：${b.note}` : ''}{'\n'}</Text>)}
      <View className='cap-field'><Text>原因</Text><Input className='cap-field__input' placeholder='取消或改期须写原因' value={reason} onInput={(e) => setReason(e.detail.value)} /></View>
      <Picker mode='date' value={date} onChange={(e) => setDate(e.detail.value)}><View className='cap-field'><Text>改到日期</Text><Text>{date}</Text></View></Picker>
      <Picker mode='time' value={time} onChange={(e) => setTime(e.detail.value)}><View className='cap-field'><Text>改到时间</Text><Text>{time}</Text></View></Picker>
      <View className='cap-actions'>
        <Button block onClick={() => run(() => moveDay({ communityId, dayId: day.id, startsAt: fromShanghai(date, time) ?? 0, reason }), '已改期并通知本楼住户')}>改期</Button>
        <Button type='danger' block onClick={() => run(() => cancelDay({ communityId, dayId: day.id, reason }), '已取消并通知本楼住户')}>取消这次接待</Button>
      </View>
    </View>
  )
}

export default function DaysPage() {
  const { communityId, membership } = useCommunity()
  const days = upcomingResource.store(upcomingResource.select(communityId ?? ''))
  const { load, reload } = upcomingResource.store.getState()
  const [message, setMessage] = useState<string | null>(null)
  const canBook = hasRole(membership, 'owner', 'resident')
  useEffect(() => {
    if (communityId) void load(communityId)
  }, [communityId, load])

  const book = async (d: ReceptionDayView, slot: number) => {
    if (!communityId) return
    try {
      await bookSlot({ communityId, dayId: d.id, slot, note: '' })
      setMessage(`已预约 ${formatShanghai(d.startsAt, false)} ${slotLabel(d, slot)}，前一天会提醒您`)
    } catch { /* shown in the notice bar */ }
  }

  return (
    <PageShell title='接待日'>
      {message && <View className='gj-card cap-done' role='status'>{message}</View>}
      <AsyncView resource={days} onRetry={() => communityId && void reload(communityId)} isEmpty={(d) => d.length === 0}
        empty={<Text className='gj-state__text'>近期没有接待日。</Text>}>
        {(list) => list.map((d) => (
          <View key={d.id} className='gj-card' data-testid='day'>
            <View className='cap-item__head'>
              <Text className='gj-card__head'>{d.building} · {formatShanghai(d.startsAt)}</Text>
              {d.status === 'cancelled' && <Text className='cap-warn'>已取消</Text>}
            </View>
            <Text>{d.place}</Text>
            {d.note && <View><Text className='gj-muted'>{d.note}</Text></View>}
            {d.changeReason && <View><Text className='gj-muted'>{d.status === 'cancelled' ? '取消' : '改期'}原因：{d.changeReason}</Text></View>}
            {d.status === 'scheduled' && canBook && !d.bookings && (
              d.mySlot !== null
                ? <View><Text className='cap-done'>您已预约 {slotLabel(d, d.mySlot)}</Text></View>
                : (
                  <View className='cap-slots'>
                    {Array.from({ length: d.slots }, (_, i) => (
                      <Button key={i} size='small' type={d.booked.includes(i) ? 'default' : 'primary'} disabled={d.booked.includes(i)} onClick={() => book(d, i)}>
                        {slotLabel(d, i)}{d.booked.includes(i) ? ' 已约' : ''}
                      </Button>
                    ))}
                  </View>
                )
            )}
            {d.status === 'scheduled' && d.bookings && communityId && <CaptainTools day={d} communityId={communityId} onDone={setMessage} />}
          </View>
        ))}
      </AsyncView>
    </PageShell>
  )
}
