/**
 * What each deployed function is given besides its code. cloudbaserc.json is the one place that
 * declares a function's runtime, timeout, memory and environment variables: `tcb fn deploy` reads
 * it as it is, and the build writes each bundle's config.json (what WeChat DevTools uploads) from
 * it, so the two ways of deploying cannot disagree. Only the WeChat cloud-call permissions, which
 * cloudbaserc.json has no field for, are declared here, beside the wx-server-sdk they need.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FunctionName } from '../types/api';

export const ROOT = path.resolve(__dirname, '..');

export interface DeployedFunction {
  name: string;
  runtime: string;
  /** Seconds; CloudBase's default of 3 s is too short for most actions (DESIGN.md §3). */
  timeout: number;
  memorySize: number;
  handler: string;
  installDependency: boolean;
  /** Values may name the deployer's environment, `{{env.NAME}}`, as envId does. */
  envVariables?: Record<string, string>;
  /** Timer triggers (7-field cron, China time): the function's `timers` run under these names. */
  triggers?: Array<{ name: string; type: 'timer'; config: string }>;
}

export interface DeployConfig {
  envId: string;
  functionRoot: string;
  functions: DeployedFunction[];
}

export function readDeployConfig(root = ROOT): DeployConfig {
  return JSON.parse(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')) as DeployConfig;
}

/**
 * Functions that make WeChat cloud calls (core/wechat), with the openapi permission each call
 * needs: CloudBase installs wx-server-sdk for them. notices: subscription messages on publish and
 * remind; auth: the alert to a village admin when a household's self-binding is paused
 * (core/auth/bind-alert.service.ts).
 */
export const CLOUD_CALLS: Partial<Record<FunctionName, readonly string[]>> = {
  notices: ['subscribeMessage.send'],
  auth: ['subscribeMessage.send'],
  // 督办 and 提请协调 message the assignee and the village admins.
  needs: ['subscribeMessage.send'],
  // 限期整改通知, send-backs and the deadline reminders message the responsible person.
  findings: ['subscribeMessage.send'],
  // A household's 没有来过 on a visit alerts its village and town admins.
  visits: ['subscribeMessage.send'],
  // Publishing a monthly bulletin sends its notice to the chosen audience.
  reports: ['subscribeMessage.send'],
  // The 帮扶明白卡's door code is a 小程序码 (households.doorCode).
  households: ['wxacode.getUnlimited'],
};
export const WX_SERVER_SDK_VERSION = '4.0.2';

/**
 * The Node runtimes CloudBase functions offer (docs.cloudbase.net/cloud-function/runtime-support,
 * 2026-12), each with the esbuild target its bundle is compiled for: a bundle is built for the
 * runtime cloudbaserc.json names, and a runtime outside this list stops the build.
 */
export const NODE_RUNTIMES: Record<string, string> = {
  'Nodejs16.13': 'node16.13',
  'Nodejs18.15': 'node18.15',
  'Nodejs20.19': 'node20.19',
  'Nodejs22.21': 'node22.21',
  'Nodejs24.11': 'node24.11',
};

/** The esbuild target for a function's runtime; an unknown runtime, or one a runtime dependency's `engines` excludes, is an error. */
export function runtimeTarget(fn: Pick<DeployedFunction, 'name' | 'runtime'>, dependencyEngines: Record<string, string | undefined> = {}): string {
  const target = NODE_RUNTIMES[fn.runtime];
  if (!target) throw new Error(`云函数 ${fn.name} 的运行环境 ${fn.runtime} 不是云开发提供的 Node 运行环境（${Object.keys(NODE_RUNTIMES).join('、')}）`);
  const major = Number(/^node(\d+)/.exec(target)![1]);
  for (const [dependency, range] of Object.entries(dependencyEngines)) {
    // `>=N` is the only form our runtime dependencies declare; anything else is checked by hand.
    const least = /^>=\s*(\d+)/.exec(range ?? '')?.[1];
    if (least && major < Number(least)) throw new Error(`云函数 ${fn.name} 的运行环境 ${fn.runtime} 低于 ${dependency} 要求的 Node ${range}`);
  }
  return target;
}

type Env = Record<string, string | undefined>;

/** `{{env.NAME}}` filled from the build's environment; unset names are listed so the build can say so. */
function resolved(values: Record<string, string> = {}, env: Env, unset: string[]): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      value.replace(/\{\{env\.([A-Z0-9_]+)\}\}/g, (_, name: string) => {
        if (!env[name]) unset.push(name);
        return env[name] ?? '';
      }),
    ]),
  );
}

/** The bundle's config.json: the deploy config's timeout, memory and variables, plus the cloud-call permissions. */
export function bundleConfig(fn: DeployedFunction, env: Env = process.env, unset: string[] = []) {
  return {
    timeout: fn.timeout,
    memorySize: fn.memorySize,
    envVariables: resolved(fn.envVariables, env, unset),
    permissions: { openapi: [...(CLOUD_CALLS[fn.name as FunctionName] ?? [])] },
    ...(fn.triggers ? { triggers: fn.triggers } : {}),
  };
}

/** Writes a bundle's package.json and config.json into `dir`; answers the `{{env.*}}` names the environment did not set. */
export function writeBundleFiles(fn: DeployedFunction, dir: string, sdkVersion: string, env: Env = process.env): string[] {
  const dependencies = { '@cloudbase/node-sdk': sdkVersion, ...(CLOUD_CALLS[fn.name as FunctionName] ? { 'wx-server-sdk': WX_SERVER_SDK_VERSION } : {}) };
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: fn.name, version: '1.0.0', main: 'index.js', dependencies }, null, 2));
  const unset: string[] = [];
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify(bundleConfig(fn, env, unset), null, 2));
  return unset;
}
