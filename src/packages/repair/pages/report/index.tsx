// 我要报修: where (my unit or a common area), what, how urgent, photos
// (compressed on the phone, up to 9), a description and a convenient time.
import { View, Text, Picker, Textarea, Input, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { AsyncView } from '../../../../components/async-view'
import { PAGES } from '../../../../components/nav'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import { CATEGORY_LABELS, REPAIR_CATEGORIES, URGENT_EXAMPLES, URGENCY_LABELS, commitmentFor, formatMinutes, type Urgency } from '../../../../domain/repairs/commitments'
import { MAX_PHOTOS } from '../../../../domain/repairs/request'
import type { RepairLocation } from '../../../../domain/repairs/request'
import type { RepairSettingsOutput } from '../../../../contracts/repairs'
import { chooseAndUploadPhotos, photoUrl, repairSettingsResource, reportRepairRequest } from '../../../../stores/repairs'
import '../repair.scss'

function places(s: RepairSettingsOutput): Array<{ label: string; location: RepairLocation }> {
  return [
    ...s.myUnits.map((u) => ({ label: `${u.building} ${u.unitNo}（我家）`, location: { kind: 'unit' as const, building: u.building, unitNo: u.unitNo } })),
    ...s.commonAreas.map((area) => ({ label: `公共区域 · ${area}`, location: { kind: 'common' as const, area } })),
  ]
}

function ReportForm({ communityId, settings }: { communityId: string; settings: RepairSettingsOutput }) {
  const options = places(settings)
  const [placeIndex, setPlaceIndex] = useState(0)
  const [categoryIndex, setCategoryIndex] = useState(0)
  const [urgency, setUrgency] = useState<Urgency>('normal')
  const [description, setDescription] = useState('')
  const [preferredTime, setPreferredTime] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [busy, setBusy] = useState<'photos' | 'submit' | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const category = REPAIR_CATEGORIES[categoryIndex]
  const promise = commitmentFor(settings.commitments, category, urgency)

  const addPhotos = async () => {
    setBusy('photos')
    try {
      const ids = await chooseAndUploadPhotos(communityId, MAX_PHOTOS - photos.length)
      setPhotos((p) => [...p, ...ids].slice(0, MAX_PHOTOS))
    } catch {
      // A cancelled picker or a failed upload (already shown in the notice bar).
    } finally {
      setBusy(null)
    }
  }

  const submit = async () => {
    setBusy('submit')
    try {
      const r = await reportRepairRequest({ communityId, location: options[placeIndex].location, category, urgency, description, photos, preferredTime: preferredTime.trim() || null })
      setDone(`已提交，报修单号 #${r.no}`)
      void Taro.redirectTo({ url: `${PAGES.repairDetail}?id=${r.id}` })
    } catch {
      // Shown in the notice bar.
    } finally {
      setBusy(null)
    }
  }

  return (
    <>
      <View className='gj-card'>
        <Picker mode='selector' range={options.map((o) => o.label)} value={placeIndex} onChange={(e) => setPlaceIndex(Number(e.detail.value))}>
          <View className='gj-row repair-field'><Text>报修位置</Text><Text data-testid='place'>{options[placeIndex]?.label}</Text></View>
        </Picker>
        <Picker mode='selector' range={REPAIR_CATEGORIES.map((c) => CATEGORY_LABELS[c])} value={categoryIndex} onChange={(e) => setCategoryIndex(Number(e.detail.value))}>
          <View className='gj-row repair-field'><Text>类别</Text><Text>{CATEGORY_LABELS[category]}</Text></View>
        </Picker>
      </View>
      <View className='gj-card'>
        <View className='gj-card__head'>紧急程度</View>
        <View className='repair-choice'>
          {(['normal', 'urgent'] as Urgency[]).map((u) => (
            <Button key={u} type={urgency === u ? (u === 'urgent' ? 'danger' : 'primary') : 'default'} onClick={() => setUrgency(u)}>{URGENCY_LABELS[u]}</Button>
          ))}
        </View>
        <Text className='gj-muted repair-hint'>{URGENT_EXAMPLES.join('、')}请选「紧急」。有人员危险请先拨打 119 或 120。</Text>
        {promise && <Text className='repair-hint' data-testid='promise'>物业承诺：{formatMinutes(promise.responseMinutes)}内接单，{formatMinutes(promise.completionMinutes)}内修好</Text>}
      </View>
      <View className='gj-card'>
        <View className='gj-card__head'>哪里坏了</View>
        <Textarea className='repair-textarea' placeholder='例如：厨房水槽下面的水管在滴水' maxlength={500} value={description} onInput={(e) => setDescription(e.detail.value)} />
        <View className='gj-card__head repair-gap'>照片（{photos.length}/{MAX_PHOTOS}）</View>
        <View className='repair-photos'>
          {photos.map((id) => <Image key={id} className='repair-photo' src={photoUrl(id)} mode='aspectFill' />)}
        </View>
        {photos.length < MAX_PHOTOS && <Button block disabled={busy !== null} onClick={() => void addPhotos()}>{busy === 'photos' ? '正在上传…' : '拍照或选照片'}</Button>}
        <View className='gj-card__head repair-gap'>方便上门的时间</View>
        <Input className='repair-input' placeholder='如：今天下午 3 点后' maxlength={40} value={preferredTime} onInput={(e) => setPreferredTime(e.detail.value)} />
      </View>
      <Button type='primary' size='large' block disabled={busy !== null} onClick={() => void submit()}>{busy === 'submit' ? '正在提交…' : '提交报修'}</Button>
      {done && <View className='repair-done' role='status'>{done}</View>}
    </>
  )
}

export default function RepairReportPage() {
  const { communityId } = useCommunity()
  const settings = repairSettingsResource.store(repairSettingsResource.select(communityId ?? ''))
  const { load, reload } = repairSettingsResource.store.getState()
  useEffect(() => {
    if (communityId) void load(communityId)
  }, [communityId, load])
  return (
    <PageShell title='我要报修'>
      <AsyncView resource={settings} onRetry={() => communityId && void reload(communityId)}>
        {(s) => (communityId ? <ReportForm communityId={communityId} settings={s} /> : null)}
      </AsyncView>
    </PageShell>
  )
}
