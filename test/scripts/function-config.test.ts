import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FUNCTION_NAMES } from '../../types/api';
import { CLOUD_CALLS, NODE_RUNTIMES, readDeployConfig, ROOT, runtimeTarget, writeBundleFiles } from '../../scripts/function-config';

/**
 * One place declares each function's timeout and memory: cloudbaserc.json, which `tcb fn deploy`
 * reads. The config.json the build writes into each bundle (what WeChat DevTools uploads) must say
 * the same, so deploying either way gives a function the same limits.
 */
const deployed = readDeployConfig().functions;
const read = (dir: string, file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));

describe('cloudbaserc.json, the deploy config', () => {
  it('lists every function of types/api once, from the bundles the build writes', () => {
    expect(deployed.map((f) => f.name).sort()).toEqual([...FUNCTION_NAMES].sort());
    expect(readDeployConfig().functionRoot).toBe('dist/functions');
    for (const fn of deployed) expect(fn).toMatchObject({ handler: 'index.main', installDependency: true });
  });

  it('gives every function an explicit timeout (CloudBase defaults to 3 s) and a memory size CloudBase offers', () => {
    for (const fn of deployed) {
      expect(fn.timeout).toBeGreaterThanOrEqual(10);
      expect(fn.timeout).toBeLessThanOrEqual(60);
      expect([128, 256, 512, 1024, 2048]).toContain(fn.memorySize);
    }
  });

  it('names for every function a Node runtime CloudBase offers, which the bundle is compiled for and the runtime SDK supports', () => {
    const engines = { '@cloudbase/node-sdk': JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@cloudbase/node-sdk/package.json'), 'utf8')).engines?.node };
    for (const fn of deployed) expect(runtimeTarget(fn, engines)).toBe(NODE_RUNTIMES[fn.runtime]);
    expect(() => runtimeTarget({ name: 'auth', runtime: 'Nodejs8.9' })).toThrow(/Nodejs8\.9 不是云开发提供的 Node 运行环境/);
    expect(() => runtimeTarget({ name: 'auth', runtime: 'Nodejs16.13' }, { sdk: '>=18' })).toThrow(/低于 sdk 要求的 Node >=18/);
  });

  it('is the only place: no function folder carries its own config.json', () => {
    const own = FUNCTION_NAMES.filter((name) => existsSync(path.join(ROOT, 'cloudfunctions', name, 'config.json')));
    expect(own).toEqual([]);
  });

  it("only the auth function is given the custom-login private key, from the deployer's environment (never from the repository)", () => {
    expect(deployed.filter((f) => f.envVariables?.CUSTOM_LOGIN_KEY).map((f) => f.name)).toEqual(['auth']);
    const auth = deployed.find((f) => f.name === 'auth')!;
    expect(auth.envVariables?.CUSTOM_LOGIN_KEY).toBe('{{env.CUSTOM_LOGIN_KEY}}');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-auth-bundle-'));
    writeBundleFiles(auth, dir, '0.0.0', { CUSTOM_LOGIN_KEY: '{"private_key":"k"}' });
    expect(read(dir, 'config.json').envVariables.CUSTOM_LOGIN_KEY).toBe('{"private_key":"k"}');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('each bundle as the build writes it', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(path.join(os.tmpdir(), 'bangfu-bundles-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it.each(deployed.map((fn) => [fn.name, fn] as const))('%s: config.json has the deploy timeout, memory and variables', (_name, fn) => {
    const unset = writeBundleFiles(fn, out, '0.0.0', { NOTICE_TEMPLATE_ID: 'tmpl-1', CUSTOM_LOGIN_KEY: '{"private_key":"k"}' });
    const config = read(out, 'config.json');
    expect(config).toMatchObject({ timeout: fn.timeout, memorySize: fn.memorySize });
    expect(Object.keys(config.envVariables).sort()).toEqual(Object.keys(fn.envVariables ?? {}).sort());
    expect(unset).toEqual([]);
  });

  it.each(deployed.map((fn) => [fn.name, fn] as const))('%s: WeChat cloud calls come with their permission and wx-server-sdk, and only there', (name, fn) => {
    writeBundleFiles(fn, out, '0.0.0', {});
    const calls = CLOUD_CALLS[name as keyof typeof CLOUD_CALLS];
    expect(read(out, 'config.json').permissions).toEqual({ openapi: calls ? [...calls] : [] });
    expect(Object.keys(read(out, 'package.json').dependencies).includes('wx-server-sdk')).toBe(!!calls);
  });

  it("the functions that send subscription messages are given the notice template from the deployer's environment", () => {
    for (const name of Object.keys(CLOUD_CALLS).filter((n) => CLOUD_CALLS[n as keyof typeof CLOUD_CALLS]!.includes('subscribeMessage.send'))) {
      const fn = deployed.find((f) => f.name === name)!;
      expect(fn.envVariables).toMatchObject({ NOTICE_TEMPLATE_ID: '{{env.NOTICE_TEMPLATE_ID}}' });
      expect(writeBundleFiles(fn, out, '0.0.0', {})).toContain('NOTICE_TEMPLATE_ID');
      expect(read(out, 'config.json').envVariables).toMatchObject({ NOTICE_TEMPLATE_ID: '' });
      writeBundleFiles(fn, out, '0.0.0', { NOTICE_TEMPLATE_ID: 'tmpl-1' });
      expect(read(out, 'config.json').envVariables).toMatchObject({ NOTICE_TEMPLATE_ID: 'tmpl-1' });
    }
  });

  it("only the auth function is given the custom-login private key, from the deployer's environment (never from the repository)", () => {
    expect(deployed.filter((f) => f.envVariables?.CUSTOM_LOGIN_KEY).map((f) => f.name)).toEqual(['auth']);
    const auth = deployed.find((f) => f.name === 'auth')!;
    expect(auth.envVariables?.CUSTOM_LOGIN_KEY).toBe('{{env.CUSTOM_LOGIN_KEY}}');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-auth-bundle-'));
    writeBundleFiles(auth, dir, '0.0.0', { CUSTOM_LOGIN_KEY: '{"private_key":"k"}' });
    expect(read(dir, 'config.json').envVariables.CUSTOM_LOGIN_KEY).toBe('{"private_key":"k"}');
    rmSync(dir, { recursive: true, force: true });
  });
});
