// Getting photos off the phone: chosen from the camera or album, compressed on
// the phone, uploaded through the files route; and where a stored one is shown.
import Taro from '@tarojs/taro'
import { upload } from './cloud-client'

/** Where a stored photo can be shown: cloud file ids on WeChat, the host's file route on H5. */
export const photoUrl = (fileId: string) => (fileId.startsWith('cloud://') ? fileId : `/api/files/${encodeURIComponent(fileId)}`)

/** Longest side after compression on H5 (WeChat's compressImage keeps the size and lowers the quality). */
const MAX_SIDE = 1600

// H5 has no Taro.compressImage: redraw the photo smaller on a canvas as JPEG.
async function compressOnCanvas(path: string): Promise<string> {
  const img = await new Promise<HTMLImageElement>((resolve, reject) => {
    const el = new Image()
    el.onload = () => resolve(el)
    el.onerror = reject
    el.src = path
  })
  const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
  const ctx = canvas.getContext('2d')
  if (!ctx) return path
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.7))
  return blob ? URL.createObjectURL(blob) : path
}

/** A smaller copy of the photo at `path`; the original if compression is not possible (the server still checks the size). */
export async function compressPhoto(path: string): Promise<string> {
  try {
    if (process.env.TARO_ENV === 'weapp') return (await Taro.compressImage({ src: path, quality: 60 })).tempFilePath
    return await compressOnCanvas(path)
  } catch {
    return path
  }
}

/** Lets the person pick up to `max` photos, compresses and uploads each; returns their file ids. */
export async function chooseAndUploadPhotos(communityId: string, max: number): Promise<string[]> {
  if (max <= 0) return []
  const chosen = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  const ids: string[] = []
  for (const [i, path] of chosen.tempFilePaths.slice(0, max).entries()) {
    const small = await compressPhoto(path)
    ids.push((await upload({ communityId, purpose: 'photo', path: small, name: `photo-${i + 1}.jpg` })).fileId)
  }
  return ids
}
