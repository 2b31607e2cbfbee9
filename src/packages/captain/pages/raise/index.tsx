// Raise an item: an owner or resident for their own unit; a captain logs one
// for any unit of the buildings they serve (who raised it, by unit).
import { View, Text, Textarea, Picker, Input } from '@tarojs/components'
import { useState } from 'react'
import { go, PAGES } from '../../../../components/nav'
import { PageShell } from '../../../../components/page-shell'
import { Button } from '../../../../components/ui'
import { useCommunity } from '../../../../components/use-community'
import { CATEGORIES, CATEGORY_LABELS } from '../../../../domain/captains/categories'
import { itemResource, raiseItem, useCaptainSelection } from '../../../../stores/captains'
import { hasRole } from '../../../../stores/session'
import { PhotoPicker } from '../../components/photo-picker'
import '../../components/captain.scss'

export default function RaisePage() {
  const { communityId, membership, me } = useCommunity()
  const isCaptain = hasRole(membership, 'captain')
  const myUnits = (me?.units ?? []).filter((u) => u.communityId === communityId)
  const [building, setBuilding] = useState(0)
  const [unitNo, setUnitNo] = useState('')
  const [unitIndex, setUnitIndex] = useState(0)
  const [category, setCategory] = useState(0)
  const [description, setDescription] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [doneId, setDoneId] = useState<string | null>(null)

  if (membership && !isCaptain && myUnits.length === 0) {
    return <PageShell title='反映问题'><View className='gj-card'><Text>绑定房屋后才能反映问题。</Text></View></PageShell>
  }
  const buildings = membership?.buildings ?? []
  const where = isCaptain ? { building: buildings[building] ?? '', unitNo: unitNo.trim() } : { building: myUnits[unitIndex]?.building ?? '', unitNo: myUnits[unitIndex]?.unitNo ?? '' }

  const submit = async () => {
    if (!communityId) return
    setBusy(true)
    try {
      const item = await raiseItem({ communityId, ...where, category: CATEGORIES[category], description, photos })
      setDoneId(item.id)
      setDescription('')
      setUnitNo('')
      setPhotos([])
    } catch {
      // Shown in the notice bar.
    } finally {
      setBusy(false)
    }
  }
  const openDone = () => {
    if (!doneId || !communityId) return
    useCaptainSelection.getState().select({ itemId: doneId })
    void itemResource.store.getState().reload(communityId, doneId)
    go(`${PAGES.captainItem}?id=${doneId}`)()
  }

  return (
    <PageShell title={isCaptain ? '登记反映事项' : '反映问题'}>
      <View className='gj-card' data-testid='raise'>
        {isCaptain ? (
          <>
            <Picker mode='selector' range={buildings} value={building} onChange={(e) => setBuilding(Number(e.detail.value))}>
              <View className='cap-field'><Text>楼栋</Text><Text>{buildings[building]}</Text></View>
            </Picker>
            <View className='cap-field'>
              <Text>房号</Text>
              <Input className='cap-field__input raise-unit' type='number' placeholder='如 0202' value={unitNo} onInput={(e) => setUnitNo(e.detail.value)} />
            </View>
          </>
        ) : (
          <Picker mode='selector' range={myUnits.map((u) => `${u.building} ${u.unitNo}`)} value={unitIndex} onChange={(e) => setUnitIndex(Number(e.detail.value))}>
            <View className='cap-field'><Text>我的房屋</Text><Text>{where.building} {where.unitNo}</Text></View>
          </Picker>
        )}
        <Picker mode='selector' range={CATEGORIES.map((c) => CATEGORY_LABELS[c])} value={category} onChange={(e) => setCategory(Number(e.detail.value))}>
          <View className='cap-field'><Text>类别</Text><Text>{CATEGORY_LABELS[CATEGORIES[category]]}</Text></View>
        </Picker>
        <Textarea className='cap-textarea raise-description' placeholder='问题是什么、在哪里、从什么时候开始' value={description} maxlength={500} onInput={(e) => setDescription(e.detail.value)} />
        <PhotoPicker communityId={communityId ?? ''} value={photos} onChange={setPhotos} />
        <View className='cap-actions'>
          <Button type='primary' block disabled={busy} onClick={submit}>提交</Button>
        </View>
        {doneId && (
          <View className='cap-done' role='status' onClick={openDone}>{isCaptain ? '已登记，点此查看并分派' : '已提交，点此查看进度'}</View>
        )}
      </View>
    </PageShell>
  )
}
