/**
 * `npm run deploy`: builds the functions and the weapp, then brings a CloudBase environment to what
 * the repository declares (scripts/deploy/desired.ts) and prints each step. Idempotent: a second
 * run plans nothing. `--dry-run` prints the plan and touches nothing; without credentials it plans
 * against an empty environment and says so.
 *
 *   ENV_ID=… TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npm run deploy -- \
 *     --admin-openid <openid> --county-id <id> --county-name <name> [--admin-name <name>] [--regions regions.json] [--dry-run] [--skip-weapp]
 *
 * npm itself takes `--dry-run` and `--name=value` written before `--` (`npm run deploy --dry-run`):
 * they arrive as npm_config_* variables, read here the same as the flags.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../function-config';
import { cloudbasePort, type Credentials } from './cloudbase-port';
import { desiredState, type CountyInput, type RegionsFile } from './desired';
import { execute } from './execute';
import { describeStep, emptyObserved, observe, planSteps } from './plan';

type Env = Record<string, string | undefined>;

export interface DeployOptions extends CountyInput {
  dryRun: boolean;
  skipWeapp: boolean;
}

const FLAGS = ['admin-openid', 'admin-name', 'county-id', 'county-name', 'regions'] as const;

/** Flags from argv (`--name value` or `--name=value`), else from npm's npm_config_<name>. */
export function parseOptions(argv: string[], env: Env = process.env, root = ROOT): DeployOptions {
  const value = (name: string): string | undefined => {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i >= 0) return argv[i].includes('=') ? argv[i].slice(name.length + 3) : argv[i + 1];
    const npm = env[`npm_config_${name.replace(/-/g, '_')}`];
    return npm && npm !== 'true' ? npm : undefined;
  };
  const flag = (name: string) => argv.includes(`--${name}`) || env[`npm_config_${name.replace(/-/g, '_')}`] === 'true';
  const unknown = argv.filter((a) => a.startsWith('--') && ![...FLAGS, 'dry-run', 'skip-weapp'].some((f) => a === `--${f}` || a.startsWith(`--${f}=`)));
  if (unknown.length) throw new Error(`不认识的参数 unknown option: ${unknown.join(' ')}`);
  const regionsFile = value('regions');
  const options: DeployOptions = {
    dryRun: flag('dry-run'),
    skipWeapp: flag('skip-weapp'),
    adminOpenid: value('admin-openid'),
    adminName: value('admin-name'),
    countyId: value('county-id'),
    countyName: value('county-name'),
    regions: regionsFile ? (JSON.parse(readFileSync(path.resolve(root, regionsFile), 'utf8')) as RegionsFile) : undefined,
  };
  if (options.adminOpenid && !(options.countyId && options.countyName)) {
    throw new Error(
      '首任管理员需要所属的县：请同时给出 --county-id 和 --county-name。The first admin needs their county: give --county-id and --county-name too.',
    );
  }
  return options;
}

/** ENV_ID and the key, or what is missing, said in both languages. */
export function credentialsFrom(env: Env): { credentials: Credentials | null; missing: string[] } {
  const envId = env.ENV_ID ?? env.TCB_ENV;
  const secretId = env.TENCENTCLOUD_SECRETID ?? env.TCB_SECRET_ID;
  const secretKey = env.TENCENTCLOUD_SECRETKEY ?? env.TCB_SECRET_KEY;
  const missing = [!envId && 'ENV_ID', !secretId && 'TENCENTCLOUD_SECRETID', !secretKey && 'TENCENTCLOUD_SECRETKEY'].filter((m): m is string => !!m);
  return { credentials: missing.length ? null : { envId: envId!, secretId: secretId!, secretKey: secretKey!, token: env.TENCENTCLOUD_SESSIONTOKEN }, missing };
}

function run(label: string, command: string, args: string[], env: Env) {
  console.log(`\n== ${label} ==`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${label}失败 failed (exit ${result.status})`);
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const { credentials, missing } = credentialsFrom(process.env);
  if (!credentials && !options.dryRun) {
    throw new Error(
      `缺少 ${missing.join('、')}：请在运行 npm run deploy 的终端里设置它们（见 README「Deploying to CloudBase」）。` +
        `\nMissing ${missing.join(', ')}: set them in the shell that runs npm run deploy (README, "Deploying to CloudBase"). Nothing is read from the repository.`,
    );
  }
  run('打包云函数 build functions', process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-functions.ts'], {});
  if (!options.dryRun && !options.skipWeapp) {
    run('构建小程序 build weapp', process.execPath, ['scripts/build-client.mjs', 'weapp'], { TARO_APP_CLOUD_ENV: credentials!.envId });
  }
  if (!options.adminOpenid) console.log('\n注意：未给出 --admin-openid，不会创建首任县管理员。Note: no --admin-openid, so no first county admin is created.');
  const desired = desiredState(options, new Date());
  const port = credentials ? cloudbasePort(credentials) : null;
  console.log(
    port
      ? `\n== 读取环境 reading environment ${credentials!.envId} ==`
      : `\n== 没有凭据：按空环境列出计划 no credentials: planning against an empty environment (${missing.join(', ')} not set) ==`,
  );
  const steps = planSteps(desired, port ? await observe(port, desired) : emptyObserved());
  console.log(`\n== 计划 plan: ${steps.length} 步 steps ==`);
  for (const step of steps) console.log(`- ${describeStep(step)}`);
  if (!steps.length) console.log('环境已是最新，无需改动。The environment is up to date: nothing to change.');
  if (options.dryRun || !port || !steps.length) {
    if (options.dryRun) console.log('\n（--dry-run：未改动云端 nothing in the cloud was changed）');
    return;
  }
  console.log('\n== 执行 applying ==');
  await execute(port, steps);
  console.log(`\n部署完成：${steps.length} 步。Deployed: ${steps.length} steps. 再次运行应显示 0 步 a second run plans 0 steps.`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
