// Every page sits in this shell: it applies large-text mode (适老化), shows the
// one notice bar for failed calls, and the 开发模式 badge on the local host.
// Someone the platform knows but the app does not yet sees registration
// instead of the page, whichever page they opened first.
import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useUi } from '../../stores/ui'
import { useSession } from '../../stores/session'
import { RegisterForm } from '../register-form'
import './index.scss'

export interface PageShellProps {
  title?: string
  children: ReactNode
}

export function PageShell({ title, children }: PageShellProps) {
  const largeText = useUi((s) => s.largeText)
  const notice = useUi((s) => s.notice)
  const dismiss = useUi((s) => s.dismissNotice)
  const devMode = useSession((s) => s.me?.devMode ?? false)
  const unregistered = useSession((s) => s.unregistered)
  return (
    <View className={`gj-page${largeText ? ' gj-large' : ''}`} data-large-text={largeText ? 'on' : 'off'}>
      {devMode && (
        <View className='gj-dev-badge' role='note'>
          <Text>开发模式 · 演示数据</Text>
        </View>
      )}
      {title && <View className='gj-page__title'>{title}</View>}
      {notice && (
        <View className='gj-notice' role='alert' onClick={dismiss}>
          <Text className='gj-notice__text'>{notice.message}</Text>
          <Text className='gj-notice__close'>知道了</Text>
        </View>
      )}
      {unregistered ? <RegisterForm /> : children}
    </View>
  )
}
