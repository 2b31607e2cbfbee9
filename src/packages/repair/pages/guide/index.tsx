// 报修须知: what counts as urgent and what happens after reporting.
import { View, Text } from '@tarojs/components'
import { PageShell } from '../../../../components/page-shell'

export default function RepairGuidePage() {
  return (
    <PageShell title='报修须知'>
      <View className='gj-card'>
        <View className='gj-card__head'>紧急报修</View>
        <Text>漏水、停电、电梯困人、消防设施故障，请选择「紧急」，物业会优先响应。有人员危险请先拨打 119 或 120。</Text>
      </View>
      <View className='gj-card'>
        <View className='gj-card__head'>之后会怎样</View>
        <Text>物业接单、派人、维修、完成后上传照片；您确认并评价，不满意可以重新打开。超过承诺时间可以催单，逾期会上报业委会。</Text>
      </View>
    </PageShell>
  )
}
