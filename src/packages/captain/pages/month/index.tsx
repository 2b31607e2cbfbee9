// 月度汇总 for the captains' meeting: per building and for the whole
// community. Laid out to print (or save as PDF) from the browser.
import { View, Text, Picker } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import { formatFraction, formatPercent } from '../../../../domain/captains/fraction'
import { formatShanghai, monthOf } from '../../../../domain/captains/time'
import type { MonthRow } from '../../../../contracts/captains'
import { monthResource } from '../../../../stores/captains'
import '../../components/captain.scss'

const HEAD = ['楼栋', '收到', '办结', '到期', '逾期', '重开', '整改率', '办结中位天数']

function Row({ r }: { r: MonthRow }) {
  const cells = [r.received, r.closed, r.due, r.overdue, r.reopened, formatPercent(r.rate), formatFraction(r.medianDaysToClose)]
  return (
    <View className='cap-table__row' data-testid={`month-${r.building}`}>
      <Text className='cap-table__cell cap-table__cell--name'>{r.building}</Text>
      {cells.map((c, i) => <Text key={i} className='cap-table__cell'>{c}</Text>)}
    </View>
  )
}

export default function MonthPage() {
  const { communityId } = useCommunity()
  const [month, setMonth] = useState(monthOf(Date.now()))
  const data = monthResource.store(monthResource.select(communityId ?? '', month))
  const { load, reload } = monthResource.store.getState()
  useEffect(() => {
    if (communityId) void load(communityId, month)
  }, [communityId, month, load])
  return (
    <PageShell title='月度汇总'>
      <Picker mode='date' fields='month' value={month} onChange={(e) => setMonth(String(e.detail.value).slice(0, 7))}>
        <View className='gj-card cap-field cap-noprint'><Text>月份</Text><Text>{month}</Text></View>
      </Picker>
      <AsyncView resource={data} onRetry={() => communityId && void reload(communityId, month)}>
        {(m) => (
          <>
            <View className='gj-card' data-testid='month'>
              <View className='gj-card__head'>{m.communityName} {m.month} 楼长月会汇总</View>
              <View className='cap-table__row'>{HEAD.map((h, i) => <Text key={h} className={`cap-table__cell${i === 0 ? ' cap-table__cell--name' : ''} gj-muted`}>{h}</Text>)}</View>
              {m.buildings.map((r) => <Row key={r.building} r={r} />)}
              <Row r={m.total} />
              <Text className='gj-muted'>整改率 = 本月到期且已由业主确认的事项 ÷ 本月到期事项。生成于 {formatShanghai(m.generatedAt)}。</Text>
            </View>
            {process.env.TARO_ENV === 'h5' && <View className='cap-noprint'><Button block onClick={() => window.print()}>打印 / 存为 PDF</Button></View>}
          </>
        )}
      </AsyncView>
    </PageShell>
  )
}
