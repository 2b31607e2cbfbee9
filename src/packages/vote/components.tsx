// Pieces the vote pages share: a motion's heading with its legal threshold,
// and the community's own rules for this assembly.
import { View, Text } from '@tarojs/components'
import type { MotionView } from '../../contracts/voting'
import { Tag } from '../../components/ui'
import type { VotingSettings } from '../../domain/voting/assembly'
import { NON_VOTER_RULE_TEXT } from '../../domain/voting/tally'

export const THRESHOLD_TEXT = { ordinary: '过半数通过', special: '四分之三以上通过' } as const

export function MotionHead({ m }: { m: MotionView }) {
  return (
    <>
      <View className='gj-card__head'>议案 {m.position}：{m.title}</View>
      <View className='gj-tags'>
        <Tag type={m.threshold === 'special' ? 'warning' : 'default'}>{THRESHOLD_TEXT[m.threshold]}</Tag>
        <Text className='gj-muted'>第 {m.matter} 项：{m.matterText}</Text>
      </View>
    </>
  )
}

export function AssemblyRules({ s }: { s: VotingSettings }) {
  return (
    <View className='gj-card' data-testid='assembly-rules'>
      <View className='gj-card__head'>本小区的表决约定</View>
      <Text>· 公告期不少于 {s.minNoticeDays} 天（缩短须公示理由）{'\n'}</Text>
      <Text>· 初步结果公示后 {s.objectionDays} 天内可对本人选票提出异议{'\n'}</Text>
      <Text>· 每人最多代理 {s.proxyCap} 位业主投票{'\n'}</Text>
      <Text>· 公布的选票清单{s.publishUnits ? '显示' : '不显示'}房号，只显示查验码和选择{'\n'}</Text>
      <Text>· {NON_VOTER_RULE_TEXT[s.nonVoters]}</Text>
    </View>
  )
}
