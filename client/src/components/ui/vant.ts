/**
 * Which @vant/weapp components each kit component renders on weapp. A page config registers
 * exactly those (`usingComponents: vant('Cell', 'ErrorState')`), on weapp only: vant cannot render
 * in a browser, and registering only what is used keeps packages small (DESIGN.md §2).
 * Evaluated at build time by Taro when it reads `index.config.ts`: keep this file free of runtime imports.
 */
export const VANT_COMPONENTS = {
  Button: ['button'],
  Cell: ['cell', 'cell-group'],
  Tag: ['tag'],
  Empty: ['empty', 'button'],
  Loading: ['loading'],
  ErrorState: ['empty', 'button'],
  Loaded: ['loading', 'empty', 'button'],
} as const;

export type VantKitComponent = keyof typeof VANT_COMPONENTS;

export function vant(...kit: VantKitComponent[]): Record<string, string> {
  if (process.env.TARO_ENV !== 'weapp') return {};
  const using: Record<string, string> = {};
  for (const name of kit) {
    for (const c of VANT_COMPONENTS[name]) using[`van-${c}`] = `@vant/weapp/dist/${c}/index`;
  }
  return using;
}
