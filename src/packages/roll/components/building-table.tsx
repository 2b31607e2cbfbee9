// Totals by building: units, area and heads by the legal rule. A multi-unit
// owner with units in two buildings is a head in each, so the heads column
// may add up to more than the community's total.
import { View, Text } from '@tarojs/components'
import { formatArea } from '../../../domain/measure'
import type { RollSummary } from '../../../domain/roll'

export function BuildingTable({ buildings }: { buildings: RollSummary['buildings'] }) {
  return (
    <View className='roll-buildings' data-testid='buildings'>
      <View className='roll-buildings__row gj-muted'><Text>楼栋</Text><Text>户数</Text><Text>面积</Text><Text>人数</Text></View>
      {buildings.map((b) => (
        <View key={b.building} className='roll-buildings__row'>
          <Text>{b.building}</Text><Text>{b.units}</Text><Text>{formatArea(b.area)}</Text><Text>{b.heads}</Text>
        </View>
      ))}
    </View>
  )
}

export function RollStats({ units, area, heads }: { units: number; area: number; heads: number }) {
  return (
    <View className='gj-stats'>
      <View className='gj-stat'><Text className='gj-stat__value'>{units}</Text><Text className='gj-stat__label'>户</Text></View>
      <View className='gj-stat'><Text className='gj-stat__value'>{heads}</Text><Text className='gj-stat__label'>业主人数</Text></View>
      <View className='gj-stat'><Text className='gj-stat__value gj-stat__value--area'>{formatArea(area)}</Text><Text className='gj-stat__label'>总面积</Text></View>
    </View>
  )
}
