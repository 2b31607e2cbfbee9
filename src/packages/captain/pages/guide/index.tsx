// 楼长接待日: how reception days and rectification work for owners.
import { View, Text } from '@tarojs/components'
import { PageShell } from '../../../../components/page-shell'

const STEPS = [
  '楼长每周固定时间在楼下接待，时间地点提前在这里公布，前一天提醒。',
  '您可以当面反映，也可以提前在手机上提交问题并附照片。',
  '每个问题都会交给物业或业委会整改，并定下完成期限。',
  '整改完成后由您确认；不满意可以说明原因重新打开。',
  '逾期未整改的问题会自动上报业委会，一周后再上报街道监督。',
]

export default function CaptainGuidePage() {
  return (
    <PageShell title='楼长接待日怎么用'>
      <View className='gj-card'>
        {STEPS.map((s, i) => (
          <View key={s} className='gj-row'><Text>{i + 1}. {s}</Text></View>
        ))}
      </View>
    </PageShell>
  )
}
