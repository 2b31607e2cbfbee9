// `npm run test:weapp`: the COMPILED WeChat build (dist/weapp, from
// `npm run build:weapp`) run under miniprogram-simulate: the official wcc
// compiles dist/weapp's wxml (base.wxml, comp, utils.wxs) and j-component
// renders the pages, while dist/weapp's own JS (runtime, taro, vendors, common,
// app, page) runs as WeChat runs it. The cloud behind wx.cloud is the real
// cloud functions on a fresh SQLite file, in-process.
module.exports = {
  displayName: 'weapp',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
  // TypeScript (tests, harness, cloud functions) goes through babel; the
  // compiled mini-program is read and run as it is, never transformed.
  transform: { '^.+\\.tsx?$': 'babel-jest' },
  transformIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 30000,
}
