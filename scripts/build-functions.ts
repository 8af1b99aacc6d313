/**
 * Bundles each cloud function (its entry plus the shared core and types) into a deployable folder
 * under dist/functions/<name>: index.js exporting `main`, a package.json naming the runtime
 * dependencies CloudBase installs, and config.json written from cloudbaserc.json
 * (scripts/function-config.ts). The embedded store is local-only and must never reach a bundle:
 * the build fails if it does, and if a bundle's WeChat cloud calls and its declared ones differ.
 * Each bundle is compiled for the runtime cloudbaserc.json names (an unknown one stops the build)
 * and its cold-start size is printed.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { FUNCTION_NAMES, type FunctionName } from '../types/api';
import { CLOUD_CALLS, readDeployConfig, runtimeTarget, writeBundleFiles, type DeployedFunction } from './function-config';

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist/functions');
const sdk = JSON.parse(readFileSync(path.join(root, 'node_modules/@cloudbase/node-sdk/package.json'), 'utf8')) as {
  version: string;
  engines?: { node?: string };
};
const sdkVersion = sdk.version;

/** Each function's deploy entry; a function missing from cloudbaserc.json, or listed twice, or one it lists that does not exist, stops the build. */
function deployEntries(): Map<FunctionName, DeployedFunction> {
  const listed = readDeployConfig(root).functions;
  const entries = new Map<FunctionName, DeployedFunction>();
  for (const fn of listed) {
    if (!FUNCTION_NAMES.includes(fn.name as FunctionName)) throw new Error(`cloudbaserc.json 列出了不存在的云函数 ${fn.name}`);
    if (entries.has(fn.name as FunctionName)) throw new Error(`cloudbaserc.json 重复列出了云函数 ${fn.name}`);
    entries.set(fn.name as FunctionName, fn);
  }
  const missing = FUNCTION_NAMES.filter((name) => !entries.has(name));
  if (missing.length) throw new Error(`cloudbaserc.json 缺少云函数 ${missing.join('、')}（超时、内存在那里声明）`);
  return entries;
}

/** What a cold start loads from the bundle (index.js; the SDKs CloudBase installs beside it are not counted). */
interface Built {
  bytes: number;
  target: string;
}

async function bundle(name: FunctionName, deployed: DeployedFunction, unset: Set<string>): Promise<Built> {
  // Compiled for the runtime cloudbaserc.json deploys it on, which the runtime SDK must support.
  const target = runtimeTarget(deployed, { '@cloudbase/node-sdk': sdk.engines?.node });
  const dir = path.join(out, name);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'index.js');
  await build({
    entryPoints: [path.join(root, 'cloudfunctions', name, 'index.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    target,
    format: 'cjs',
    external: ['@cloudbase/node-sdk', 'wx-server-sdk'],
    logLevel: 'warning',
  });
  const code = readFileSync(file, 'utf8');
  for (const banned of ['better-sqlite3', 'mingo', 'useLocalMode', 'setLocalMode(true)']) {
    if (code.includes(banned)) throw new Error(`云函数 ${name} 的包中混入了本地专用代码（${banned}）`);
  }
  // A bundle that loads wx-server-sdk without its permissions declared would fail in WeChat, and the reverse installs it for nothing.
  if (code.includes('require("wx-server-sdk")') !== !!CLOUD_CALLS[name]) {
    throw new Error(`云函数 ${name} 的微信云调用与 scripts/function-config.ts 的 CLOUD_CALLS 不一致`);
  }
  for (const variable of writeBundleFiles(deployed, dir, sdkVersion)) unset.add(variable);
  return { bytes: statSync(file).size, target };
}

async function main() {
  const entries = deployEntries();
  rmSync(out, { recursive: true, force: true });
  const unset = new Set<string>();
  let total = 0;
  for (const name of FUNCTION_NAMES) {
    const deployed = entries.get(name)!;
    const built = await bundle(name, deployed, unset);
    total += built.bytes;
    console.log(`function ${name}: ${(built.bytes / 1024).toFixed(1)} KiB cold-start bundle, ${deployed.runtime} (esbuild ${built.target})`);
  }
  console.log(`all bundles: ${(total / 1024).toFixed(1)} KiB`);
  console.log(`云函数已打包到 ${path.relative(root, out)}/（${FUNCTION_NAMES.length} 个）`);
  if (unset.size) console.log(`注意：环境变量 ${[...unset].join('、')} 未设置，config.json 中为空；部署后需要它们的操作会报错，请在部署时设置。`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
