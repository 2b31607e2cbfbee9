// Pieces the vote pages share: a motion's heading with its legal threshold,
// the community's own rules for this assembly, and the photo of a signed
// paper (委托书, paper ballot) taken on the phone and uploaded.
import { View, Text, Image } from '@tarojs/components'
import { useState } from 'react'
import type { MarksView, MotionView } from '../../contracts/voting'
import { Button, Tag } from '../../components/ui'
import type { VotingSettings } from '../../domain/voting/assembly'
import { CHOICE_LABEL, NON_VOTER_RULE_TEXT } from '../../domain/voting/tally'
import { chooseAndUploadPhotos, photoUrl } from '../../stores/voting'
import './vote.scss'

export const THRESHOLD_TEXT = { ordinary: '过半数通过', special: '四分之三以上通过' } as const

/** What a proxy covers, in words: every motion, or the motions' numbers. */
export const proxyScopeText = (motions: readonly MotionView[], ids: readonly string[] | null): string =>
  ids === null ? '全部议案' : `议案 ${motions.filter((m) => ids.includes(m.id)).map((m) => m.position).join('、')}`

/** A choice in words, or for an election how many candidates were approved. */
export const marksText = (m: MarksView): string => ('choice' in m ? CHOICE_LABEL[m.choice] : `同意${m.approve.length}人`)

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

/** One photo: take or pick it, see it, take it again; `value` is the uploaded file id. */
export function PhotoField({ communityId, label, hint, value, onChange }: { communityId: string; label: string; hint: string; value: string; onChange: (fileId: string) => void }) {
  const [busy, setBusy] = useState(false)
  const pick = async () => {
    setBusy(true)
    try {
      const [fileId] = await chooseAndUploadPhotos(communityId, 1)
      if (fileId) onChange(fileId)
    } catch {
      // A cancelled picker, or a failed upload (shown in the notice bar).
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='vote-photo' data-testid='photo-field'>
      <Text>{label}</Text>
      {value ? <Image className='vote-photo__img' src={photoUrl(value)} mode='aspectFit' data-testid='photo-uploaded' /> : <Text className='gj-muted'>{hint}</Text>}
      <Button block className='gj-big-button' loading={busy} disabled={busy} onClick={pick}>{busy ? '正在上传…' : value ? '重新拍照' : '拍照或选照片'}</Button>
    </View>
  )
}
