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

type Env = Record<string, string | undefined>;

/** `{{env.NAME}}` filled from the build's environment; unset names are listed so the build can say so. */
function resolved(values: Record<string, string> = {}, env: Env, unset: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.replace(/\{\{env\.([A-Z0-9_]+)\}\}/g, (_, name: string) => {
    if (!env[name]) unset.push(name);
    return env[name] ?? '';
  })]));
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
