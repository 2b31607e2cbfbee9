// Renders a page as a given demo person, with the real cloud functions and a
// real SQLite file behind the client (only the HTTP hop is skipped).
import { fireEvent, render } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ReactElement } from 'react'
import { setTransport, setUploader, type Transport } from '../../src/services/cloud-client'
import { overviewResource, peopleResource, auditResource } from '../../src/stores/community'
import { ROLL_RESOURCES } from '../../src/stores/roll'
import { resetDisclosureStores } from '../../src/stores/disclosure'
import { resetCaptainStores } from '../../src/stores/captains'
import { REPAIR_RESOURCES } from '../../src/stores/repairs'
import { useSession } from '../../src/stores/session'
import { useUi } from '../../src/stores/ui'
import { resetVotingStores } from '../../src/stores/voting'
import { DEMO, createHarness, type Harness } from './harness'

/** A picked File's bytes, as the host's upload route would receive them (jsdom's Blob has no arrayBuffer()). */
export const bytesOf = (blob: Blob): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
    reader.onerror = () => reject(reader.error)
    reader.readAsArrayBuffer(blob)
  })

/** Photos "on the phone": what Taro.chooseImage's temp paths hold, for tests that stub the picker. */
export const phonePhotos = new Map<string, Uint8Array>()

/** Types into a Taro Input or Textarea as the person would (Taro listens for an `input` event with `detail.value`). */
export const typeInto = (el: Element, value: string) => fireEvent(el, new CustomEvent('input', { detail: { value } }))

export const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3])

/**
 * The phone's photo picker holding one JPEG at `path`; the upload goes to the
 * real file-upload function. Undo with jest.restoreAllMocks().
 */
export function fakePhone(path = 'blob:photo-1', bytes = JPEG) {
  jest.spyOn(Taro, 'chooseImage').mockResolvedValue({ tempFilePaths: [path], tempFiles: [], errMsg: 'chooseImage:ok' } as never)
  // jsdom decodes no images: the canvas compression gives up and the original is uploaded.
  jest.spyOn(window, 'Image').mockImplementation(() => {
    const img = {} as HTMLImageElement
    setTimeout(() => img.onerror?.(new Event('error') as never))
    return img
  })
  phonePhotos.set(path, bytes)
}

/** `wire` may wrap the transport to simulate what only a network can do (going offline). */
export function renderAs(person: string | null, page: ReactElement, harness: Harness = createHarness(), wire: (real: Transport) => Transport = (t) => t) {
  const openid = person ? DEMO[person].openid : null
  setTransport(wire((name, input) => harness.callRaw(name, input, openid)))
  // Uploads go to the real file-upload function, as the host's POST /api/files does.
  setUploader(async ({ communityId, purpose, name, path, file }) =>
    harness.callRaw('file-upload', { communityId, purpose, name, bytes: file ? await bytesOf(file) : phonePhotos.get(path) ?? new Uint8Array() }, openid) as never)
  return { harness, ...render(page) }
}


/** Zustand stores are module singletons: start every test from scratch. */
export function resetStores() {
  phonePhotos.clear()
  useSession.getState().reset()
  useUi.setState({ largeText: false, notice: null })
  for (const r of [overviewResource, peopleResource, auditResource, ...ROLL_RESOURCES, ...REPAIR_RESOURCES]) r.store.getState().reset()
  resetCaptainStores()
  resetVotingStores()
  resetDisclosureStores()
}
