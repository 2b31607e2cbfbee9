// Loading, failed (with retry) and empty states for anything a page loads.
import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Resource } from '../../stores/resource'
import { Button } from '../ui'
import './index.scss'

export interface AsyncViewProps<T> {
  resource: Resource<T>
  onRetry: () => void
  isEmpty?: (data: T) => boolean
  empty?: ReactNode
  children: (data: T) => ReactNode
}

export function AsyncView<T>({ resource, onRetry, isEmpty, empty, children }: AsyncViewProps<T>) {
  const { status, data, error } = resource
  if (data !== null && !(isEmpty?.(data) ?? false)) return <>{children(data)}</>
  if (status === 'failed') {
    return (
      <View className='gj-state gj-state--failed'>
        <Text className='gj-state__text'>加载失败：{error}</Text>
        <Button type='primary' size='small' onClick={onRetry}>重试</Button>
      </View>
    )
  }
  if (data === null) {
    return (
      <View className='gj-state' aria-busy='true'>
        <Text className='gj-state__text'>正在加载…</Text>
      </View>
    )
  }
  return <View className='gj-state gj-state--empty'>{empty ?? <Text className='gj-state__text'>暂无内容</Text>}</View>
}
