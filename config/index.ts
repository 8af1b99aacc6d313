import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';
import { OfflineShellPlugin } from './offline-shell';

const root = path.resolve(__dirname, '..');
const fromRoot = (...p: string[]) => path.join(root, ...p);
const taroEnv = process.env.TARO_ENV || 'weapp';
/** `BANGFU_OUT_DIR` lets parallel work build into its own folder; the default is dist/<env>. */
const outDir = process.env.BANGFU_OUT_DIR || `dist/${taroEnv}`;
/**
 * The local demo's account picker ships only in local builds: a production build names its
 * CloudBase environment (TARO_APP_CLOUD_ENV) and signs admins in by scanning with the mini-program.
 * BANGFU_DEMO_SIGN_IN=0|1 overrides (scripts/build-client.mjs checks the output either way).
 */
const demoBuild = process.env.BANGFU_DEMO_SIGN_IN ? process.env.BANGFU_DEMO_SIGN_IN === '1' : !process.env.TARO_APP_CLOUD_ENV;

/**
 * vant's shared files that components reach through `require()`/`<wxs>` at runtime and that
 * Taro's native-component walker does not pick up (DESIGN.md §2).
 */
const VANT_SRC = 'node_modules/@vant/weapp/dist';
const VANT_OUT = `${outDir}/npm/@vant/weapp/dist`;

/**
 * Outside `sourceRoot` but bundled: the shared schemas in `types/`, and zod 4, which ships
 * `?.`/`??` untranspiled that older WeChat clients cannot parse.
 */
const compileInclude = [fromRoot('types'), (file: string) => /node_modules[\\/]zod[\\/]/.test(file)];

/**
 * zod's locale index, replaced by one that has only zh-CN (client/zod-locales.js): webpack keeps
 * the whole `z` namespace, so every language otherwise ships in the weapp main package.
 */
function onlyChineseZodLocale(chain: any, webpack: any) {
  chain.plugin('zod-zh-cn-only').use(webpack.NormalModuleReplacementPlugin, [/zod[\\/]v4[\\/]locales[\\/]index\.js$/, fromRoot('client/zod-locales.js')]);
}

/** Taro config: https://docs.taro.zone/docs/config-detail */
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'bangfu',
    date: '2026-11-23',
    /** Styles are written in px on a 375 px phone, like vant's own. */
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'client/src',
    outputRoot: outDir,
    plugins: [],
    defineConstants: {
      /** CloudBase environment id for `Taro.cloud.init`; empty = the default environment. */
      CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV || ''),
      DEMO_BUILD: JSON.stringify(demoBuild),
    },
    alias: {
      '@': fromRoot('client/src'),
      '@bangfu/types': fromRoot('types'),
      // @vant/weapp has no `main`, so `usingComponents` paths need an alias to resolve.
      '@vant/weapp': fromRoot('node_modules/@vant/weapp'),
    },
    copy: {
      patterns:
        taroEnv === 'weapp'
          ? [
              { from: `${VANT_SRC}/wxs/`, to: `${VANT_OUT}/wxs/` },
              { from: `${VANT_SRC}/common/index.wxss`, to: `${VANT_OUT}/common/index.wxss` },
              { from: `${VANT_SRC}/common/style/`, to: `${VANT_OUT}/common/style/` },
            ]
          : [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      compile: { include: compileInclude },
      // Components import their own styles with distinct class names: the order two pages import them in does not matter (as in H5).
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: { selectorBlackList: [/^\.van-/, /van-/] } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain, webpack) {
        fixCache(chain);
        onlyChineseZodLocale(chain, webpack);
        // build-client.mjs reports package sizes against WeChat's limits instead.
        chain.performance.hints(false);
      },
    },
    h5: {
      compile: { include: compileInclude },
      publicPath: '/',
      staticDirectory: 'static',
      // The local host serves dist/h5 with an SPA fallback to index.html, and /api/* on the same origin.
      router: { mode: 'browser' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // H5 keeps real px: phones get the 375 px design as written, desktops (admins) do not zoom it up.
        pxtransform: { enable: false, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain, webpack) {
        fixCache(chain);
        onlyChineseZodLocale(chain, webpack);
        // Taro splits only initial chunks on H5, so every page chunk carried its own copy of the
        // shared UI kit and services (~4.7 MB in all): share them between pages as well.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' });
        // /sw.js: the app shell kept for offline starts (client/src/services/offline-shell.h5.ts registers it).
        chain.plugin('offline-shell').use(OfflineShellPlugin, [fromRoot('config/sw.template.js')]);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});

/**
 * Taro's persistent cache hard-codes `<root>/src/app.config` as a build dependency, which does not
 * exist with `sourceRoot: 'client/src'`: point it at the real files so config changes invalidate it.
 */
function fixCache(chain: any) {
  chain.cache({
    type: 'filesystem',
    name: `${process.env.NODE_ENV}-${taroEnv}-${outDir.replace(/[^a-zA-Z0-9]/g, '_')}`,
    buildDependencies: {
      config: [
        fromRoot('config/index.ts'),
        fromRoot('config/dev.ts'),
        fromRoot('config/prod.ts'),
        fromRoot('config/offline-shell.ts'),
        fromRoot('config/sw.template.js'),
        fromRoot('babel.config.js'),
      ],
      files: [fromRoot('client/src/app.config.ts')],
    },
  });
}
