// Saving a file the app made (the assembly's export package) where the person
// can use it. On H5 the browser downloads it. On WeChat it is written to the
// mini-program's own folder; WeChat cannot open a ZIP itself, so the person
// then sends it to a chat (文件传输助手 reaches their computer) from the share
// sheet, which WeChat allows only from a tap: hence a second step.
import Taro from '@tarojs/taro'

export type SavedFile = { kind: 'downloaded'; name: string } | { kind: 'saved'; name: string; path: string }

export async function saveFile(name: string, bytes: Uint8Array, mime: string): Promise<SavedFile> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  if (process.env.TARO_ENV === 'weapp') {
    const path = `${Taro.env.USER_DATA_PATH}/${name}`
    Taro.getFileSystemManager().writeFileSync(path, buffer)
    return { kind: 'saved', name, path }
  }
  const url = URL.createObjectURL(new Blob([buffer], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // The download has started from the URL; keep it a while for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return { kind: 'downloaded', name }
}

/** WeChat: the share sheet for a saved file (call it from a tap). */
export async function shareSavedFile(f: Extract<SavedFile, { kind: 'saved' }>): Promise<void> {
  await Taro.shareFileMessage({ filePath: f.path, fileName: f.name })
}
