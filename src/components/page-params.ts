// The query of the current page (?quarter=2026-Q3), on every platform.
import Taro from '@tarojs/taro'

export function pageParams(): Record<string, string | undefined> {
  try {
    return (Taro.getCurrentInstance()?.router?.params ?? {}) as Record<string, string | undefined>
  } catch {
    return {}
  }
}
