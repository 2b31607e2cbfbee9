// What `@tarojs/taro` is on H5: the taro-h5 APIs plus the React hooks.
import * as h5 from '@tarojs/taro-h5'
import * as hooks from '@tarojs/plugin-framework-react/dist/runtime'

const base = (h5 as unknown as { default: Record<string, unknown> }).default
const Taro = Object.assign(Object.create(base), base, h5, hooks)

export * from '@tarojs/taro-h5'
export * from '@tarojs/plugin-framework-react/dist/runtime'
export default Taro
