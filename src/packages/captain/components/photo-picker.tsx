// Choose photos from the album or camera and upload them; keeps the file ids.
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button } from '../../../components/ui'
import { addPhoto } from '../../../stores/captains'
import './captain.scss'

export function PhotoPicker({ communityId, value, onChange }: { communityId: string; value: string[]; onChange: (ids: string[]) => void }) {
  const [busy, setBusy] = useState(false)
  const pick = async () => {
    setBusy(true)
    try {
      const chosen = await Taro.chooseImage({ count: 9 - value.length, sizeType: ['compressed'] })
      const ids: string[] = []
      for (const [i, path] of chosen.tempFilePaths.entries()) ids.push((await addPhoto(communityId, path, `照片${value.length + i + 1}.jpg`)).fileId)
      onChange([...value, ...ids])
    } catch {
      // Cancelled, or the upload failed (shown in the notice bar).
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='cap-field'>
      <Text>照片{value.length ? `（已选 ${value.length} 张）` : '（可选）'}</Text>
      {value.length < 9 && <Button size='small' disabled={busy} onClick={pick}>{busy ? '上传中…' : '添加照片'}</Button>}
    </View>
  )
}
