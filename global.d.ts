/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5';
    TARO_APP_ID?: string;
  }
}

/** CloudBase environment id, injected by config/index.ts `defineConstants`; '' = default environment. */
declare const CLOUD_ENV: string;

/**
 * Whether this build carries the local demo's account picker and `x-dev-openid` calls (config/index.ts):
 * on for local builds, off for production builds (those given TARO_APP_CLOUD_ENV), which
 * scripts/build-client.mjs checks by searching the output for the demo's traces.
 */
declare const DEMO_BUILD: boolean;
