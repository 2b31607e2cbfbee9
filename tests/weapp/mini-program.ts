// Runs the COMPILED WeChat build (dist/weapp) the way WeChat does, as far as
// a test can without WeChat DevTools:
//  - the JS files run in WeChat's module wrapper: `require` resolves inside
//    dist/weapp, and the browser/Node globals WeChat does not have (window,
//    document, process, fetch, …) are undefined, so a bundle that leans on
//    them fails here as it would on a phone;
//  - App() and Page() are WeChat's constructors: app.js registers the app, we
//    launch it, and each page's Page() options become a miniprogram-simulate
//    component whose template is the page's wxml compiled by the official wcc
//    together with base.wxml, comp and utils.wxs (Taro's recursive templates);
//  - `wx` is miniprogram-simulate's API mock plus the few doubles a page needs:
//    navigation that checks the target page exists in app.json, in-memory
//    storage, and `wx.cloud` from the caller (see cloud.ts).
import { existsSync, readFileSync } from 'node:fs'
import { join, posix, relative, resolve } from 'node:path'
import * as simulate from 'miniprogram-simulate'

// miniprogram-simulate runs a component's js with Node's require; we route it
// through the WeChat module wrapper below instead (see openPage).
const simulateUtils: { runJs(path: string): void } = require('miniprogram-simulate/src/utils')

export const DIST = resolve(__dirname, '../../dist/weapp')

/** Throws a clear message when the WeChat build is missing. */
export function assertWeappBuilt(): void {
  for (const f of ['app.json', 'app.js', 'runtime.js', 'base.wxml']) {
    if (!existsSync(join(DIST, f))) {
      throw new Error(`dist/weapp/${f} 不存在：请先运行 npm run build:weapp（WeChat build missing: run npm run build:weapp first）`)
    }
  }
}

/** Names WeChat's module wrapper hides from every file, plus ones WeChat never defines. */
const HIDDEN_GLOBALS = [
  'window', 'document', 'frames', 'self', 'location', 'navigator', 'localStorage', 'history', 'Caches', 'screen',
  'alert', 'confirm', 'prompt', 'XMLHttpRequest', 'WebSocket', 'fetch', 'process',
] as const

type Fn = (...args: any[]) => any
interface AsyncOptions { success?: Fn; fail?: Fn; complete?: Fn; [k: string]: unknown }

export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string }[] }
}

export interface PageInstance {
  route: string
  data: Record<string, unknown>
  [k: string]: any
}

/** One simulated node of the rendered page (a j-component Component). */
export interface SimNode {
  dom: HTMLElement
  dispatchEvent(name: string, options?: Record<string, unknown>): void
  querySelector(selector: string): SimNode | undefined
  querySelectorAll(selector: string): SimNode[]
}

export interface Navigation { api: string; url: string }

export interface LaunchOptions {
  /** `wx.cloud`, e.g. the in-process double from cloud.ts. */
  cloud: object
  path?: string
}

// miniprogram-simulate's wx API mock, captured once before anything changes it.
const simulatedApi: Record<string, unknown> = { ...(globalThis as any).wx }

export function readAppJson(): AppJson {
  return JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as AppJson
}

/** Every page route of app.json, main package and subpackages. */
export function allRoutes(app: AppJson): string[] {
  return [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => posix.join(p.root, page)))]
}

function settle(options: AsyncOptions, ok: boolean, res: Record<string, unknown>) {
  if (ok) options.success?.(res)
  else options.fail?.(res)
  options.complete?.(res)
}

/**
 * One launch of the compiled mini program: fresh module cache, fresh webpack
 * chunk registry, fresh Taro runtime, React and stores.
 */
export class MiniProgram {
  readonly wx: Record<string, any>
  readonly navigations: Navigation[] = []
  readonly storage = new Map<string, unknown>()
  readonly appJson = readAppJson()
  app: Record<string, Fn> | null = null
  private readonly modules = new Map<string, { exports: unknown }>()
  private readonly pages: PageInstance[] = []
  private readonly opened: { root: { detach(): void }; parent: Element }[] = []
  private pendingRoute: { route: string; query: Record<string, string> } | null = null

  constructor(private readonly options: LaunchOptions) {
    assertWeappBuilt()
    const routes = allRoutes(this.appJson)
    const tabs = new Set((this.appJson.tabBar?.list ?? []).map((t) => t.pagePath))
    const navigate = (api: string, tab: boolean) => (o: AsyncOptions & { url?: string }) => {
      const url = String(o.url ?? '')
      const route = url.replace(/^\//, '').split('?')[0]
      const known = routes.includes(route)
      const allowed = known && tabs.has(route) === tab
      if (allowed) this.navigations.push({ api, url })
      const errMsg = allowed ? `${api}:ok` : known ? `${api}:fail can not ${api} a ${tab ? 'non-' : ''}tabbar page` : `${api}:fail page "${route}" is not found`
      Promise.resolve().then(() => settle(o, allowed, { errMsg }))
    }
    this.wx = {
      ...simulatedApi,
      cloud: options.cloud,
      navigateTo: navigate('navigateTo', false),
      redirectTo: navigate('redirectTo', false),
      switchTab: navigate('switchTab', true),
      getStorageSync: (key: string) => (this.storage.has(key) ? this.storage.get(key) : ''),
      setStorageSync: (key: string, value: unknown) => void this.storage.set(key, value),
      removeStorageSync: (key: string) => void this.storage.delete(key),
    }
  }

  /** Loads app.js (which requires common, vendors, taro, runtime) and launches the app. */
  launch(): this {
    const g = globalThis as any
    g.wx = this.wx
    g.App = (options: Record<string, Fn>) => {
      this.app = options
    }
    g.getApp = () => this.app
    g.getCurrentPages = () => [...this.pages]
    g.Page = (options: Record<string, unknown>) => g.Component(pageAsComponent(options, this))
    this.runFile('app.js')
    if (!this.app) throw new Error('dist/weapp/app.js 没有调用 App()（app.js did not register the app）')
    const launch = { path: this.options.path ?? this.appJson.pages[0], query: {}, scene: 1001, referrerInfo: {} }
    this.app.onLaunch?.call(this.app, launch)
    this.app.onShow?.call(this.app, launch)
    return this
  }

  /**
   * Opens a page: its wxml (with base.wxml, comp and utils.wxs) compiled by
   * the official wcc, its js run here, rendered and attached to the document.
   */
  openPage(route: string, query: Record<string, string> = {}): RenderedPage {
    if (!allRoutes(this.appJson).includes(route)) throw new Error(`app.json 没有页面 ${route}`)
    simulateUtils.runJs = (path: string) => this.runFile(`${relative(DIST, path)}.js`)
    this.pendingRoute = { route, query }
    const id = simulate.load(join(DIST, route), { rootPath: DIST, compiler: 'official' })
    const root = simulate.render(id) as unknown as SimNode & { attach(parent: Element): void; detach(): void; instance: PageInstance }
    const parent = document.createElement('page-wrapper')
    document.body.appendChild(parent)
    root.attach(parent)
    this.opened.push({ root, parent })
    return new RenderedPage(root, root.instance)
  }

  /** Unloads every open page (onUnload) and takes it off the document. */
  close(): void {
    for (const { root, parent } of this.opened.splice(0)) {
      root.detach()
      parent.remove()
    }
    this.pages.length = 0
  }

  /** @internal Called by Page() while a page loads. */
  takePendingRoute() {
    const r = this.pendingRoute
    this.pendingRoute = null
    if (!r) throw new Error('Page() called outside openPage')
    return r
  }

  /** @internal */
  pushPage(page: PageInstance) {
    this.pages.push(page)
  }

  /** Runs dist/weapp/<file> once per launch in WeChat's module wrapper. */
  runFile(file: string): unknown {
    const key = posix.normalize(file.split('\\').join('/')).replace(/^\.\//, '')
    const cached = this.modules.get(key)
    if (cached) return cached.exports
    const abs = join(DIST, key)
    if (!existsSync(abs)) throw new Error(`dist/weapp/${key} 不存在（required by the compiled mini program）`)
    const module = { exports: {} as unknown }
    this.modules.set(key, module)
    const localRequire = (p: string) => this.runFile(posix.join(posix.dirname(key), p.endsWith('.js') ? p : `${p}.js`))
    const body = new Function('require', 'module', 'exports', ...HIDDEN_GLOBALS, `${readFileSync(abs, 'utf8')}\n//# sourceURL=${abs}`)
    body.call(undefined, localRequire, module, module.exports, ...HIDDEN_GLOBALS.map(() => undefined))
    return module.exports
  }
}

/** WeChat's Page() options as a component: lifecycles in WeChat's order. */
function pageAsComponent(options: Record<string, unknown>, mp: MiniProgram) {
  const { route, query } = mp.takePendingRoute()
  const methods: Record<string, Fn> = {}
  for (const [k, v] of Object.entries(options)) if (typeof v === 'function') methods[k] = v as Fn
  return {
    data: (options.data ?? {}) as Record<string, unknown>,
    methods,
    lifetimes: {
      attached(this: PageInstance) {
        this.route = route
        this.__route__ = route
        this.options = query
        mp.pushPage(this)
        this.onLoad?.(query)
        this.onShow?.()
      },
      ready(this: PageInstance) {
        this.onReady?.()
      },
      detached(this: PageInstance) {
        this.onUnload?.()
      },
    },
  }
}

export class RenderedPage {
  constructor(readonly root: SimNode, readonly instance: PageInstance) {}

  /** Everything the page shows, as text. */
  text(): string {
    return this.root.dom.textContent ?? ''
  }

  /** Nodes matching a selector (in the page's shadow tree and Taro's comp components). */
  all(selector: string): SimNode[] {
    return this.root.querySelectorAll(selector)
  }

  /** The first node matching `selector` whose text contains `text`. */
  find(selector: string, text = ''): SimNode {
    const hit = this.all(selector).find((n) => (n.dom.textContent ?? '').includes(text))
    if (!hit) throw new Error(`页面上没有 ${selector}${text ? `「${text}」` : ''}\n页面内容：${this.text()}`)
    return hit
  }

  /** A tap, as WeChat delivers it to the element's bindtap. */
  tap(node: SimNode): void {
    node.dispatchEvent('tap', { detail: { x: 0, y: 0 } })
  }
}

/** Polls until `check` returns without throwing (WeChat renders asynchronously). */
export async function waitFor<T>(check: () => T, { timeout = 5000, what = '' } = {}): Promise<T> {
  const deadline = Date.now() + timeout
  for (;;) {
    try {
      return check()
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`${what ? `${what}: ` : ''}${e instanceof Error ? e.message : String(e)}`)
      await new Promise((r) => setTimeout(r, 10))
    }
  }
}

