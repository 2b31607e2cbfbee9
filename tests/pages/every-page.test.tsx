// Large-text mode (适老化) is a promise about every page, so this walks the
// app's own page list rather than a hand-kept one.
import { screen, waitFor, cleanup } from '@testing-library/react'
import type { ComponentType } from 'react'
import { renderAs, resetStores } from '../support/pages'
import { useUi } from '../../src/stores/ui'
import type { Harness } from '../support/harness'

;(globalThis as { defineAppConfig?: (c: unknown) => unknown }).defineAppConfig = (c) => c
const appConfig = require('../../src/app.config').default as { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> }
const allPages = [...appConfig.pages, ...appConfig.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]

let harness: Harness | undefined
afterEach(() => {
  cleanup()
  harness?.close()
})

test('the app has its five tab pages and a subpackage per area', () => {
  expect(appConfig.pages).toEqual(['pages/vote/index', 'pages/accounts/index', 'pages/captain/index', 'pages/repair/index', 'pages/mine/index'])
  expect(appConfig.subPackages.map((p) => p.root)).toEqual(expect.arrayContaining(['packages/vote', 'packages/accounts', 'packages/captain', 'packages/repair']))
})

test.each(allPages)('%s renders in large-text mode for the committee', async (path) => {
  resetStores()
  useUi.setState({ largeText: true })
  const Page = require(`../../src/${path}`).default as ComponentType
  ;({ harness } = renderAs('p-li-jianguo', <Page />))
  await waitFor(() => expect(document.querySelector('.gj-page')).not.toBeNull())
  expect(document.querySelector('.gj-page')!.className).toContain('gj-large')
  // Nothing on the page is stuck loading or failed for a member with every right.
  await waitFor(() => expect(screen.queryByText('正在加载…')).toBeNull())
  expect(screen.queryByText(/加载失败/)).toBeNull()
})
