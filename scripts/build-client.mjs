#!/usr/bin/env node
/**
 * Builds the client for one platform from a clean output directory and checks the result:
 *   node scripts/build-client.mjs weapp   → dist/weapp (open the repository root in WeChat DevTools)
 *   node scripts/build-client.mjs h5      → dist/h5 (served by `npm start`)
 * `taro build` exits 0 on an invalid config and leaves the old output behind (DESIGN.md §2), so the
 * output is deleted first and its entry file must exist afterwards. For weapp it prints the main
 * package and each subpackage size and fails when the main package exceeds WeChat's 2 MB limit; for
 * H5 it prints the gzip size of the initial load and fails above 150 KiB (issue #21).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LIMIT_KIB = 2048;
/** Issue #21: what a browser fetches before the first screen (index.html's scripts and styles), gzipped. */
const H5_INITIAL_LIMIT_KIB = 150;
const env = process.argv[2];
if (env !== 'weapp' && env !== 'h5') {
  console.error('usage: node scripts/build-client.mjs <weapp|h5>');
  process.exit(2);
}

const out = path.resolve(root, process.env.BANGFU_OUT_DIR || path.join('dist', env));
rmSync(out, { recursive: true, force: true });

const started = Date.now();
const taro = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'taro.cmd' : 'taro');
const run = spawnSync(taro, ['build', '--type', env], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', TARO_ENV: env },
});
if (run.status !== 0) fail(`taro build --type ${env} exited with ${run.status ?? run.signal}`);

const entry = path.join(out, env === 'weapp' ? 'app.json' : 'index.html');
if (!existsSync(entry)) fail(`${path.relative(root, entry)} is missing: the build did not produce an app (see the errors above)`);
console.log(`\n${env} built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.relative(root, out)}`);

if (env === 'weapp') reportWeappSizes();
else {
  reportH5Size();
  checkDemoLeftOut();
}

function fail(message) {
  console.error(`\nbuild-client: ${message}`);
  process.exit(1);
}

function sizeOf(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.size;
  return readdirSync(p).reduce((sum, name) => sum + sizeOf(path.join(p, name)), 0);
}

function kib(bytes) {
  return (bytes / 1024).toFixed(1);
}

/** WeChat counts everything outside the subpackage roots as the main package. */
function reportWeappSizes() {
  const app = JSON.parse(readFileSync(path.join(out, 'app.json'), 'utf8'));
  const subs = (app.subPackages || app.subpackages || []).map((s) => s.root.replace(/\/$/, ''));
  const subSizes = subs.map((r) => [r, existsSync(path.join(out, r)) ? sizeOf(path.join(out, r)) : 0]);
  // project.config.json is DevTools metadata, not uploaded code.
  const ignored = new Set(['project.config.json', ...subs]);
  const main = readdirSync(out)
    .filter((name) => !ignored.has(name))
    .reduce((sum, name) => sum + sizeOf(path.join(out, name)), 0);
  console.log(`weapp main package: ${kib(main)} KiB (limit ${LIMIT_KIB} KiB)`);
  for (const [r, size] of subSizes) console.log(`weapp subpackage ${r}: ${kib(size)} KiB (limit ${LIMIT_KIB} KiB)`);
  const total = main + subSizes.reduce((s, [, size]) => s + size, 0);
  console.log(`weapp total: ${kib(total)} KiB`);
  if (main > LIMIT_KIB * 1024) fail(`main package is ${kib(main)} KiB, over WeChat's ${LIMIT_KIB} KiB limit`);
  const big = subSizes.find(([, size]) => size > LIMIT_KIB * 1024);
  if (big) fail(`subpackage ${big[0]} is ${kib(big[1])} KiB, over WeChat's ${LIMIT_KIB} KiB limit`);
}

/**
 * A production H5 build (one given TARO_APP_CLOUD_ENV, or BANGFU_DEMO_SIGN_IN=0; config/index.ts)
 * must not carry the local demo's account picker nor its `x-dev-openid` calls: fail if any of
 * their traces is in the output.
 */
function checkDemoLeftOut() {
  const demo = process.env.BANGFU_DEMO_SIGN_IN ? process.env.BANGFU_DEMO_SIGN_IN === '1' : !process.env.TARO_APP_CLOUD_ENV;
  if (demo) return console.log('h5: local demo build (demo account picker included; production builds set TARO_APP_CLOUD_ENV)');
  const traces = ['/api/dev/accounts', '本地演示', 'x-dev-openid', '以此 openid 进入'];
  const files = listFiles(out).filter((f) => /\.(js|html)$/.test(f));
  const found = files.flatMap((f) => traces.filter((t) => readFileSync(f, 'utf8').includes(t)).map((t) => `${path.relative(out, f)}: ${t}`));
  if (found.length) fail(`the production build still carries the local demo sign-in:\n  ${found.join('\n  ')}`);
  console.log(`h5: production build, no demo sign-in in ${files.length} files`);
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

function reportH5Size() {
  const js = path.join(out, 'js');
  const css = path.join(out, 'css');
  const jsSize = existsSync(js) ? sizeOf(js) : 0;
  const cssSize = existsSync(css) ? sizeOf(css) : 0;
  console.log(`h5 output: ${kib(sizeOf(out))} KiB (js ${kib(jsSize)} KiB, css ${kib(cssSize)} KiB, uncompressed)`);
  const initial = h5InitialLoad();
  for (const f of initial.files) console.log(`  initial ${f.name}: ${kib(f.gzip)} KiB gzip`);
  console.log(`h5 initial load: ${kib(initial.gzip)} KiB gzip (limit ${H5_INITIAL_LIMIT_KIB} KiB)`);
  if (initial.gzip > H5_INITIAL_LIMIT_KIB * 1024)
    fail(`the H5 initial load is ${kib(initial.gzip)} KiB gzip, over ${H5_INITIAL_LIMIT_KIB} KiB: split what the first screen does not need into lazy chunks`);
}

/** index.html with the scripts and stylesheets it loads before anything runs (lazy page chunks are not among them), each gzipped. */
function h5InitialLoad() {
  const html = readFileSync(path.join(out, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"|<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"|<link[^>]*href="([^"]+)"[^>]*rel="stylesheet"/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((ref) => !/^https?:/.test(ref));
  const files = [{ name: 'index.html', gzip: gzipSync(html, { level: 9 }).length }];
  for (const ref of refs) files.push({ name: ref, gzip: gzipSync(readFileSync(path.join(out, ref.replace(/^\//, ''))), { level: 9 }).length });
  return { files, gzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}
