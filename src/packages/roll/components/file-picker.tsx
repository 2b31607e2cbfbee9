// Picking a file to upload: an <input type=file> on H5; on WeChat a file from
// a chat (spreadsheets) or the camera/album (photos).
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '../../../components/ui'
import type { PickedFile } from '../../../stores/roll'

/** On WeChat a roll comes from a chat (the committee forwards the Excel file to themselves). */
async function chooseSpreadsheetFromChat(): Promise<PickedFile | null> {
  try {
    const r = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] })
    const f = r.tempFiles[0]
    return f ? { name: f.name, path: f.path } : null
  } catch {
    return null // cancelled
  }
}

/** On WeChat a proof photo comes from the camera or album. */
async function choosePhoto(): Promise<PickedFile | null> {
  try {
    const r = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] })
    const path = r.tempFilePaths[0]
    return path ? { name: `proof-${Date.now()}.jpg`, path } : null
  } catch {
    return null
  }
}

export interface FilePickerProps {
  kind: 'spreadsheet' | 'photo'
  label: string
  disabled?: boolean
  onPick: (file: PickedFile) => void
}

export function FilePicker({ kind, label, disabled, onPick }: FilePickerProps) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className='roll-picker'>
        <label className={`roll-picker__button${disabled ? ' roll-picker__button--disabled' : ''}`}>
          {label}
          <input
            type='file'
            data-testid={`pick-${kind}`}
            accept={kind === 'spreadsheet' ? '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'image/*,application/pdf'}
            disabled={disabled}
            style={{ display: 'none' }}
            onChange={(e) => {
              const f = e.currentTarget.files?.[0]
              e.currentTarget.value = '' // picking the same file again fires again
              if (f) onPick({ name: f.name, path: '', file: f })
            }}
          />
        </label>
      </View>
    )
  }
  return (
    <Button type='primary' block disabled={disabled} onClick={async () => {
      const f = kind === 'spreadsheet' ? await chooseSpreadsheetFromChat() : await choosePhoto()
      if (f) onPick(f)
    }}>{label}</Button>
  )
}
