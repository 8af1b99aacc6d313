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
