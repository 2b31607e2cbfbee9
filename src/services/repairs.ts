// Client calls for repairs (报修), and getting photos off the phone: chosen,
// compressed on the phone, uploaded through the files route.
import Taro from '@tarojs/taro'
import type { Api } from '../contracts/api'
import { call, upload } from './cloud-client'

type In<K extends keyof Api> = Api[K]['input']

export const fetchRepairSettings = (communityId: string) => call('repair-settings', { communityId })
export const fetchRepairList = (communityId: string, scope: 'mine' | 'common') => call('repair-list', { communityId, scope })
export const fetchRepairDetail = (communityId: string, id: string) => call('repair-detail', { communityId, id })
export const fetchRepairQueue = (communityId: string, after: In<'repair-queue'>['after'] = null) => call('repair-queue', { communityId, after, limit: 20 })
export const fetchRepairStats = (communityId: string, month: string) => call('repair-stats', { communityId, month })
export const sendRepairReport = (input: In<'repair-report'>) => call('repair-report', input)
export const sendRepairHandle = (input: In<'repair-handle'>) => call('repair-handle', input)
export const sendRepairConfirm = (input: In<'repair-confirm'>) => call('repair-confirm', input)
export const sendRepairReopen = (input: In<'repair-reopen'>) => call('repair-reopen', input)
export const sendRepairUrge = (input: In<'repair-urge'>) => call('repair-urge', input)
export const sendRepairLinkFund = (input: In<'repair-link-fund'>) => call('repair-link-fund', input)
export const sendRepairCommitments = (input: In<'repair-commitments-set'>) => call('repair-commitments-set', input)
export const sendRepairAreas = (input: In<'repair-areas-set'>) => call('repair-areas-set', input)
export const fetchFundWithdrawals = (communityId: string) => call('repair-fund-withdrawals', { communityId })

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
