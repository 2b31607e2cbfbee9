// Participation against the 2/3 lines (民法典 第二百七十八条 第二款): one bar
// for area and one for heads, the line drawn at two thirds. Whether a line is
// reached comes from the server's integer test, never from the bar's width.
import { View, Text } from '@tarojs/components'
import type { ParticipationView } from '../../contracts/voting'
import { formatArea, perMille } from '../../domain/measure'
import './index.scss'

const percent = (part: number, whole: number) => {
  const pm = perMille(part, whole)
  return `${Math.floor(pm / 10)}.${pm % 10}%`
}

function Bar({ label, part, whole, met, partText, wholeText, testId }: { label: string; part: number; whole: number; met: boolean; partText: string; wholeText: string; testId?: string }) {
  const width = `${Math.min(100, perMille(part, whole) / 10)}%`
  return (
    <View className='gj-bar' data-testid={testId} role='meter' aria-label={`${label}参与率 ${percent(part, whole)}`}>
      <View className='gj-bar__label'>
        <Text>{label}：{partText} / {wholeText}</Text>
        <Text>{percent(part, whole)}</Text>
      </View>
      <View className='gj-bar__track'>
        <View className={`gj-bar__fill${met ? ' gj-bar__fill--met' : ''}`} style={{ width }} />
        <View className='gj-bar__line' />
      </View>
      <Text className={`gj-bar__note${met ? ' gj-bar__note--met' : ''}`}>{met ? '已达到三分之二' : '尚未达到三分之二（竖线）'}</Text>
    </View>
  )
}

export function ParticipationBars({ p, byBuilding = false }: { p: ParticipationView; byBuilding?: boolean }) {
  return (
    <View data-testid='participation'>
      <Bar testId='bar-area' label='参与面积' part={p.participating.area} whole={p.total.area} met={p.areaQuorumMet} partText={formatArea(p.participating.area)} wholeText={formatArea(p.total.area)} />
      <Bar testId='bar-heads' label='参与人数' part={p.participating.heads} whole={p.total.heads} met={p.headsQuorumMet} partText={`${p.participating.heads} 人`} wholeText={`${p.total.heads} 人`} />
      {byBuilding && (
        <View className='gj-card' data-testid='buildings'>
          <View className='gj-card__head'>各楼栋参与情况（人数）</View>
          {p.buildings.map((b) => (
            <View key={b.building} className='gj-row'>
              <Text>{b.building}</Text>
              <Text>{b.participating.heads} / {b.total.heads} 人 · {percent(b.participating.area, b.total.area)} 面积</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
