// A captain plans reception days: building, date, time, length, place, and
// how many weeks running.
import { View, Text, Input, Picker } from '@tarojs/components'
import { useState } from 'react'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import { DAY, fromShanghai, shanghaiDate } from '../../../../domain/captains/time'
import { scheduleDays } from '../../../../stores/captains'
import { hasRole } from '../../../../stores/session'
import '../../components/captain.scss'

const LENGTHS = [60, 90, 120, 180]
const WEEKS = [1, 4, 8, 12]

export default function SchedulePage() {
  const { communityId, membership } = useCommunity()
  const buildings = membership?.buildings ?? []
  const [building, setBuilding] = useState(0)
  const [date, setDate] = useState(shanghaiDate(Date.now() + DAY))
  const [time, setTime] = useState('09:00')
  const [length, setLength] = useState(2)
  const [weeks, setWeeks] = useState(1)
  const [place, setPlace] = useState('')
  const [done, setDone] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  if (membership && !hasRole(membership, 'captain')) {
    return <PageShell title='安排接待日'><View className='gj-card'><Text>只有楼长可以安排接待日。</Text></View></PageShell>
  }
  const submit = async () => {
    if (!communityId) return
    setBusy(true)
    setDone(null)
    try {
      const r = await scheduleDays({ communityId, building: buildings[building], startsAt: fromShanghai(date, time) ?? 0, durationMinutes: LENGTHS[length], weeks: WEEKS[weeks], place, note: '', slotMinutes: 15 })
      setDone(`已安排 ${r.days.length} 次接待，本楼住户会在前一天收到提醒`)
    } catch { /* shown in the notice bar */ } finally {
      setBusy(false)
    }
  }
  return (
    <PageShell title='安排接待日'>
      <View className='gj-card' data-testid='schedule'>
        <Picker mode='selector' range={buildings} value={building} onChange={(e) => setBuilding(Number(e.detail.value))}>
          <View className='cap-field'><Text>楼栋</Text><Text>{buildings[building]}</Text></View>
        </Picker>
        <Picker mode='date' value={date} onChange={(e) => setDate(e.detail.value)}><View className='cap-field'><Text>日期</Text><Text>{date}</Text></View></Picker>
        <Picker mode='time' value={time} onChange={(e) => setTime(e.detail.value)}><View className='cap-field'><Text>开始时间</Text><Text>{time}</Text></View></Picker>
        <Picker mode='selector' range={LENGTHS.map((m) => `${m} 分钟`)} value={length} onChange={(e) => setLength(Number(e.detail.value))}>
          <View className='cap-field'><Text>时长</Text><Text>{LENGTHS[length]} 分钟</Text></View>
        </Picker>
        <Picker mode='selector' range={WEEKS.map((w) => (w === 1 ? '只这一次' : `每周，连续 ${w} 周`))} value={weeks} onChange={(e) => setWeeks(Number(e.detail.value))}>
          <View className='cap-field'><Text>重复</Text><Text>{WEEKS[weeks] === 1 ? '只这一次' : `每周，连续 ${WEEKS[weeks]} 周`}</Text></View>
        </Picker>
        <View className='cap-field'><Text>地点</Text><Input className='cap-field__input schedule-place' placeholder='如 1栋一楼大堂' value={place} onInput={(e) => setPlace(e.detail.value)} /></View>
        <View className='cap-actions'><Button type='primary' block disabled={busy} onClick={submit}>确认安排</Button></View>
        {done && <View className='cap-done' role='status'>{done}</View>}
      </View>
    </PageShell>
  )
}
