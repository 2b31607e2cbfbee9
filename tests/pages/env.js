// Runs before anything loads: Taro reads its platform from these.
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
window.__GJ_TEST__ = true
// jsdom has no canvas; NutUI only probes for it.
HTMLCanvasElement.prototype.getContext = () => null
// Build-time constants Taro's webpack config would define.
globalThis.DEPRECATED_ADAPTER_COMPONENT = false
globalThis.ENABLE_INNER_HTML = true
globalThis.ENABLE_ADJACENT_HTML = true
globalThis.ENABLE_SIZE_APIS = false
globalThis.ENABLE_TEMPLATE_CONTENT = true
globalThis.ENABLE_CLONE_NODE = true
globalThis.ENABLE_CONTAINS = true
globalThis.ENABLE_MUTATION_OBSERVER = false
// The real cloud functions run in-process behind the pages; spreadsheet
// reading needs Node's text codecs, which jsdom does not expose.
const { TextDecoder, TextEncoder } = require('node:util')
globalThis.TextDecoder = TextDecoder
globalThis.TextEncoder = TextEncoder
