/**
 * Bundles each cloud function (its entry plus the shared core and types) into a deployable folder
 * under dist/functions/<name>: index.js exporting `main`, a package.json naming the runtime
 * dependencies CloudBase installs, and config.json. The embedded store is local-only and must
 * never reach a bundle: the build fails if it does.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FUNCTION_NAMES } from '../types/api';

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist/functions');
const sdkVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/@cloudbase/node-sdk/package.json'), 'utf8')).version;
/** WeChat cloud calls (core/wechat) need wx-server-sdk, installed by CloudBase for the functions that make them. */
// auth: the alert to a village admin when a household's self-binding is paused (core/auth/bind-alert.service.ts).
const WX_SERVER_SDK: Record<string, string> = { notices: '4.0.2', auth: '4.0.2' };

async function bundle(name: string) {
  const dir = path.join(out, name);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'index.js');
  await build({
    entryPoints: [path.join(root, 'cloudfunctions', name, 'index.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['@cloudbase/node-sdk', 'wx-server-sdk'],
    logLevel: 'warning',
  });
  const code = readFileSync(file, 'utf8');
  for (const banned of ['better-sqlite3', 'mingo', 'useLocalMode', 'setLocalMode(true)']) {
    if (code.includes(banned)) throw new Error(`云函数 ${name} 的包中混入了本地专用代码（${banned}）`);
  }
  const dependencies = { '@cloudbase/node-sdk': sdkVersion, ...(WX_SERVER_SDK[name] ? { 'wx-server-sdk': WX_SERVER_SDK[name] } : {}) };
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js', dependencies }, null, 2));
  // A function's own config.json declares its cloud-call permissions (e.g. subscribeMessage.send).
  const ownConfig = path.join(root, 'cloudfunctions', name, 'config.json');
  const config = existsSync(ownConfig) ? readFileSync(ownConfig, 'utf8') : JSON.stringify({ timeout: 10, envVariables: {}, permissions: { openapi: [] } }, null, 2);
  writeFileSync(path.join(dir, 'config.json'), config);
  return statSync(file).size;
}

async function main() {
  rmSync(out, { recursive: true, force: true });
  for (const name of FUNCTION_NAMES) {
    const size = await bundle(name);
    console.log(`function ${name}: ${(size / 1024).toFixed(1)} KiB`);
  }
  console.log(`云函数已打包到 ${path.relative(root, out)}/（${FUNCTION_NAMES.length} 个）`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
