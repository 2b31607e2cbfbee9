// 公开内容: what a quarterly report holds and why (shared/rules/disclosure.md).
import { View, Text } from '@tarojs/components'
import { PageShell } from '../../../../components/page-shell'

const SECTIONS: Array<[string, string]> = [
  ['物业服务费', '应收、实收、收缴率（实收 ÷ 应收）、欠费。'],
  ['支出明细', '人员、保洁、秩序维护、绿化、维修、公共水电、管理费或酬金、其他。'],
  ['公共收益', '停车、广告、场地租赁等收入及其用途，业主共有收益账户余额（民法典第二百八十二条）。'],
  ['水电公摊', '表读数、合计、按户或按面积分摊的份额和公式。'],
  ['维修资金', '期初余额、缴存、支取（每笔对应授权它的业主大会决议）、期末余额（民法典第二百八十一条）。'],
]

export default function AccountsRulesPage() {
  return (
    <PageShell title='公开哪些内容'>
      <View className='gj-card'>
        <Text>业委会每季度公开一次小区的钱：每一部分都必须平衡（期初 + 收入 − 支出 = 期末，明细相加等于合计），不平衡的报告不能发布。发布后不会被修改；更正会以新版本发布并说明原因。</Text>
      </View>
      {SECTIONS.map(([title, body]) => (
        <View key={title} className='gj-card'>
          <View className='gj-card__head'>{title}</View>
          <Text className='gj-muted'>{body}</Text>
        </View>
      ))}
    </PageShell>
  )
}
