// The first screen of someone WeChat knows but the app does not yet: one
// name to be called by, one big button. Large text whatever the setting, as
// for many it is their first look at the app. A problem with the name is said
// under the box; a failed call goes to the page's one notice bar.
import { View, Text, Input } from '@tarojs/components'
import { useState } from 'react'
import { PERSON_NAME_MAX, personNameProblem } from '../../domain/person-name'
import { useSession } from '../../stores/session'
import { Button } from '../ui'
import './index.scss'

export function RegisterForm() {
  const register = useSession((s) => s.register)
  const registering = useSession((s) => s.registering)
  const [name, setName] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const submit = () => {
    const why = personNameProblem(name)
    setProblem(why)
    // A failed call is already on the notice bar; the form stays for another try.
    if (!why) register(name).catch(() => undefined)
  }
  return (
    <View className='gj-register' data-testid='register'>
      <View className='gj-register__title'>欢迎使用共建家园</View>
      <Text className='gj-register__hint'>第一次使用，请告诉我们怎么称呼您。邻居和业委会将看到这个称呼。</Text>
      <Text className='gj-register__label'>您的称呼</Text>
      <Input
        className='gj-register__input'
        data-testid='register-name'
        placeholder='如：王阿姨、李建国'
        maxlength={PERSON_NAME_MAX + 10}
        value={name}
        disabled={registering}
        onInput={(e) => { setName(e.detail.value); setProblem(null) }}
        onConfirm={submit}
      />
      {problem && <View className='gj-register__problem' role='alert'>{problem}</View>}
      <Button type='primary' block size='large' className='gj-register__go' loading={registering} disabled={registering} onClick={submit}>
        {registering ? '正在进入…' : '开始使用'}
      </Button>
    </View>
  )
}
