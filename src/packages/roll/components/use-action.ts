// One button press that calls the cloud: busy while it runs, a success line
// after; a failure is already shown once in the notice bar by the client.
// Success clears that notice: an old「对不上」above「绑定成功」would mislead.
import { useState } from 'react'
import { useUi } from '../../../stores/ui'

export function useAction() {
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const run = async <T,>(action: () => Promise<T>, message?: (result: T) => string): Promise<T | null> => {
    setBusy(true)
    setDone(null)
    try {
      const r = await action()
      useUi.getState().dismissNotice()
      if (message) setDone(message(r))
      return r
    } catch {
      return null
    } finally {
      setBusy(false)
    }
  }
  return { busy, done, setDone, run }
}
