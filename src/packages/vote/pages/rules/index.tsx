// 表决规则: the legal arithmetic every tally follows, and the project's own
// choices where the law is silent (shown to owners, never hidden in code).
import { View, Text } from '@tarojs/components'
import { PageShell } from '../../../../components/page-shell'
import { Tag } from '../../../../components/ui'
import { MATTERS } from '../../../../domain/voting/matters'

export default function VoteRulesPage() {
  return (
    <PageShell title='表决规则与法定比例'>
      <View className='gj-card'>
        <View className='gj-card__head'>表决有效（参与比例）</View>
        <Text>参与表决的业主，专有部分面积须占总面积的三分之二以上，且人数占总人数的三分之二以上（民法典第二百七十八条第二款）。「以上」含本数。</Text>
      </View>
      <View className='gj-card'>
        <View className='gj-card__head'>通过比例</View>
        <View className='gj-para'>一般事项：同意的面积和人数都须超过参与表决面积和人数的一半（过半数，不含一半）。</View>
        <View className='gj-para'>重大事项（第 6、7、8 项）：同意的面积和人数都须达到参与表决面积和人数的四分之三以上（含本数）。</View>
        <View className='gj-para'>未达到参与比例的表决，无论同意多少，都不通过。</View>
      </View>
      <View className='gj-section-title'>共同决定事项（民法典第二百七十八条第一款）</View>
      <View className='gj-card' data-testid='matters'>
        {MATTERS.map((m) => (
          <View key={m.number} className='gj-row'>
            <Text>{m.number}. {m.text}</Text>
            <Tag plain type={m.threshold === 'special' ? 'warning' : 'success'}>{m.threshold === 'special' ? '四分之三' : '过半数'}</Tag>
          </View>
        ))}
      </View>
      <View className='gj-section-title'>本程序的约定（法律未明确之处）</View>
      <View className='gj-card'>
        <View className='gj-para'>· 弃权算作参与表决，但不计入同意。</View>
        <View className='gj-para'>· 一人拥有多套房屋只投一票、计 1 人，面积合计；开发商未售房屋合计 1 人。</View>
        <View className='gj-para'>· 未投票的业主不计为同意（除非业主大会议事规则另有规定，届时两种结果并列公示）。</View>
        <View className='gj-para'>· 委托代理人：公告发布后至投票截止前都可以委托，须附双方签名的委托书照片；代理人须已在本小区绑定房屋；选票投出前可以撤销。</View>
        <View className='gj-para'>· 询异：业主对本人选票提出异议，业委会逐条处理并公示理由。异议成立的，另行记录更正后的选择，原选票保留不变；结果按更正重新计算后再确认，更正内容随选票清单公示。</View>
        <View className='gj-para'>· 选票和审计记录至少保存两年，任何角色都不能删除。</View>
      </View>
    </PageShell>
  )
}
