// Taro's React runtime ships no types for this entry; tests only call createReactApp.
declare module '@tarojs/plugin-framework-react/dist/runtime' {
  export function createReactApp(app: unknown, react: unknown, dom: unknown, config: unknown): unknown
}
