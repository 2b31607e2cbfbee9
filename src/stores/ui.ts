// Interface preferences and the one notice bar that shows failed calls.
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { onCallFailure, type CallError } from '../services/cloud-client'

const LARGE_TEXT_KEY = 'gj.largeText'

function readLargeText(): boolean {
  try {
    return Taro.getStorageSync(LARGE_TEXT_KEY) === true
  } catch {
    return false
  }
}

export interface Notice {
  id: number
  code: string
  message: string
}

interface UiState {
  /** 适老化: larger text and touch targets on every page. */
  largeText: boolean
  notice: Notice | null
  setLargeText(on: boolean): void
  showNotice(code: string, message: string): void
  dismissNotice(): void
}

let noticeSeq = 0

export const useUi = create<UiState>()((set) => ({
  largeText: readLargeText(),
  notice: null,
  setLargeText(on) {
    try {
      Taro.setStorageSync(LARGE_TEXT_KEY, on)
    } catch {
      // Storage can be full or unavailable; the preference still holds for this session.
    }
    set({ largeText: on })
  },
  showNotice(code, message) {
    set({ notice: { id: ++noticeSeq, code, message } })
  },
  dismissNotice() {
    set({ notice: null })
  },
}))

/** Every failed cloud call is shown once, here (not by each page). */
onCallFailure((e: CallError) => useUi.getState().showNotice(e.code, e.message))
