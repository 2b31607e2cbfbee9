// 绑定房屋: an owner binds their WeChat to a unit by the details on the roll;
// without a match they upload proof for the committee; a family member or
// tenant enters the owner's invite code instead.
import { View, Text, Input } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import type { CommunityFound, VerificationView } from '../../../../contracts/roll'
import { OPEN_PROOF_REQUEST_LIMIT, PROOF_UPLOADS_PER_DAY } from '../../../../domain/owner-verification'
import { bindMyUnit, failureCode, joinAsResident, myVerificationsResource, searchCommunities, submitProofPhoto, type PickedFile } from '../../../../stores/roll'
import { useSession } from '../../../../stores/session'
import { FilePicker } from '../../components/file-picker'
import { formatTime } from '../../components/format'
import { useAction } from '../../components/use-action'
import '../../roll.scss'

const STATUS: Record<VerificationView['status'], string> = { pending: '等待业委会审核', approved: '已通过', rejected: '未通过' }

function Field({ label, value, placeholder, onInput, type = 'text', maxlength, testId }: { label: string; value: string; placeholder: string; onInput: (v: string) => void; type?: 'text' | 'number'; maxlength?: number; testId: string }) {
  return (
    <View className='roll-field'>
      <Text className='roll-field__label'>{label}</Text>
      <Input className='roll-field__input' data-testid={testId} type={type} maxlength={maxlength} placeholder={placeholder} value={value} onInput={(e) => onInput(e.detail.value)} />
    </View>
  )
}

/** A newcomer who belongs to no community yet finds theirs by name first. */
function CommunityFinder({ onPick }: { onPick: (c: CommunityFound) => void }) {
  const [name, setName] = useState('')
  const [found, setFound] = useState<CommunityFound[] | null>(null)
  const { busy, run } = useAction()
  return (
    <View className='gj-card' data-testid='find-community'>
      <View className='gj-card__head'>第一步：找到您的小区</View>
      <Field label='小区名称' testId='community-name' value={name} placeholder='如：长城二花园' onInput={setName} />
      <View className='roll-actions'>
        <Button type='primary' block disabled={busy} onClick={() => void run(async () => setFound(await searchCommunities(name)))}>查找</Button>
      </View>
      {found && found.length === 0 && <Text className='roll-guide'>没有找到名称里含「{name}」的小区，请换个写法再试。</Text>}
      {found?.map((c) => (
        <View key={c.id} className='roll-actions'>
          <Button block onClick={() => onPick(c)}>{c.name}</Button>
        </View>
      ))}
    </View>
  )
}

export default function BindPage() {
  const sessionCommunity = useSession((s) => s.communityId)
  const loadSession = useSession((s) => s.load)
  const [picked, setPicked] = useState<CommunityFound | null>(null)
  const communityId = picked?.id ?? sessionCommunity
  const [building, setBuilding] = useState('')
  const [unitNo, setUnitNo] = useState('')
  const [name, setName] = useState('')
  const [phoneLast4, setPhoneLast4] = useState('')
  const [showProof, setShowProof] = useState(false)
  const [code, setCode] = useState('')
  const bind = useAction()
  const proof = useAction()
  const invite = useAction()
  const mine = myVerificationsResource.store(myVerificationsResource.select(communityId ?? ''))
  const loadMine = myVerificationsResource.store((s) => s.load)

  useEffect(() => void loadSession(), [loadSession])
  useEffect(() => {
    if (communityId) void loadMine(communityId)
  }, [communityId, loadMine])

  const onBind = () => communityId && void bind.run(async () => {
    try {
      return await bindMyUnit({ communityId, building, unitNo, name, phoneLast4 })
    } catch (e) {
      // No match, or the day's attempts used up: offer the proof route right here.
      if (failureCode(e)?.startsWith('BIND.')) setShowProof(true)
      throw e
    }
  }, (r) => `绑定成功：${r.units.map((u) => `${u.building} ${u.unitNo}`).join('、')}。现在可以参加业主大会投票了。`)

  const onProof = (file: PickedFile) => communityId && void proof.run(() => submitProofPhoto({ communityId, building, unitNo, name, note: '' }, file), (r) => `已提交 ${r.building} ${r.unitNo} 的产权证明，业委会审核后会通知您。`)

  const onRedeem = () => void invite.run(() => joinAsResident(code), (r) => `已作为住户加入 ${r.building} ${r.unitNo}。`)

  return (
    <PageShell title='绑定房屋'>
      {!communityId && <CommunityFinder onPick={setPicked} />}
      {communityId && (
        <View className='gj-card' data-testid='bind-form'>
          <View className='gj-card__head'>{picked ? `${picked.name} · ` : ''}我是业主</View>
          <Text className='roll-guide'>请照房产证（或购房合同）填写。与业主名册一致就能立即绑定，绑定后可以参加投票。每天最多核对失败 5 次。</Text>
          <Field label='楼栋' testId='building' value={building} placeholder='如：1栋' onInput={setBuilding} />
          <Field label='房号' testId='unit' value={unitNo} placeholder='如：0302' onInput={setUnitNo} />
          <Field label='姓名' testId='name' value={name} placeholder='房产证上的姓名' onInput={setName} />
          <Field label='手机号后4位' testId='phone' type='number' maxlength={4} value={phoneLast4} placeholder='登记在名册上的手机号' onInput={setPhoneLast4} />
          <View className='roll-actions'>
            <Button type='primary' block disabled={bind.busy} onClick={onBind}>核对并绑定</Button>
          </View>
          {bind.done && <View className='roll-done' role='status'>{bind.done}</View>}
          {!showProof && !bind.done && <Text className='roll-link' onClick={() => setShowProof(true)}>信息对不上（比如换了手机号）？点这里上传产权证明，由业委会人工核验。</Text>}
        </View>
      )}

      {communityId && showProof && !bind.done && (
        <View className='gj-card' data-testid='proof'>
          <View className='gj-card__head'>上传产权证明</View>
          <Text className='roll-guide'>请先在上面填好楼栋、房号和姓名，再拍房产证或购房合同有姓名和房号的那一页。照片只给业委会核验使用。</Text>
          <Text className='roll-guide' data-testid='proof-limits'>为防止恶意提交：每人在一个小区最多同时有 {OPEN_PROOF_REQUEST_LIMIT} 份申请等待审核，每天最多上传 {PROOF_UPLOADS_PER_DAY} 份证明材料。</Text>
          <FilePicker kind='photo' label={proof.busy ? '正在提交…' : '拍照或选择照片'} disabled={proof.busy || !building || !unitNo || !name} onPick={onProof} />
          {proof.done && <View className='roll-done' role='status'>{proof.done}</View>}
        </View>
      )}

      {communityId && mine.data && mine.data.length > 0 && (
        <View className='gj-card' data-testid='my-requests'>
          <View className='gj-card__head'>我的核验申请</View>
          {mine.data.map((r) => (
            <View key={r.id} className='gj-row'>
              <View>
                <Text>{r.building} {r.unitNo}</Text>
                <Text className='gj-muted'> · {formatTime(r.createdAt)}</Text>
                {r.reason && <Text className='roll-guide'>理由：{r.reason}</Text>}
              </View>
              <Text className={`roll-status--${r.status}`}>{STATUS[r.status]}</Text>
            </View>
          ))}
        </View>
      )}

      <View className='gj-card' data-testid='redeem'>
        <View className='gj-card__head'>我是家属或租户</View>
        <Text className='roll-guide'>请业主在「我的 → 我的住户」生成邀请码，再填在这里。住户可以报修、看公告，不参加投票。</Text>
        <Field label='邀请码' testId='invite-code' value={code} placeholder='8 位字母和数字' onInput={setCode} />
        <View className='roll-actions'>
          <Button block disabled={invite.busy || !code.trim()} onClick={onRedeem}>加入</Button>
        </View>
        {invite.done && <View className='roll-done' role='status'>{invite.done}</View>}
      </View>
    </PageShell>
  )
}
