// `npm test`: lint, format check, architecture rules, dead code and vant registrations, then
// type-check, unit/function/store tests, both client builds (weapp size printed),
// function bundles, then browser tests against the H5 build on the local host.
// Ends with one summary line "N passed, N failed".
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const results = { passed: 0, failed: 0 };
const failures = [];

function step(title, cmd, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`--- ${title}: ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (r.status !== 0) failures.push(title);
  return r.status === 0;
}

function jest(title, config) {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'bangfu-jest-')), 'result.json');
  step(title, bin('jest'), ['--config', config, '--json', '--outputFile', out, '--ci']);
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    results.passed += report.numPassedTests;
    results.failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
  }
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return true;
  if (process.getuid?.() !== 0) {
    console.error('浏览器测试需要 Debian 的 chromium：请以 root 运行 `apt-get install -y chromium fonts-noto-cjk` 后重试。');
    return false;
  }
  console.log('安装 chromium（apt）…');
  spawnSync('apt-get', ['update'], { stdio: 'inherit' });
  return spawnSync('apt-get', ['install', '-y', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit' }).status === 0;
}

if (!existsSync(bin('jest'))) step('npm install', 'npm', ['install', '--no-audit', '--no-fund']);
// The house rules first (README "Working on Bangfu"): each is an npm script, so one runs alone as `npm run <name>`.
for (const [title, script] of [
  ['lint (eslint)', 'lint'],
  ['format check (prettier)', 'format:check'],
  ['architecture rules (dependency-cruiser, collection owners)', 'check:arch'],
  ['dead code (knip)', 'check:dead'],
  ['vant components registered per page', 'check:vant'],
])
  step(title, 'npm', ['run', '--silent', script]);
step('type-check', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
jest('unit, function and store tests', 'jest.config.js');
const weapp = step('weapp build', 'node', ['scripts/build-client.mjs', 'weapp']);
const h5 = step('h5 build', 'node', ['scripts/build-client.mjs', 'h5']);
step('function bundles', bin('tsx'), ['scripts/build-functions.ts']);
if (h5 && weapp && ensureChromium()) jest('browser tests (H5 in headless Chromium)', 'jest.browser.config.js');
else failures.push('browser tests not run');

console.log(`\n${failures.length ? `failed steps: ${failures.join(', ')}` : 'all steps ok'}`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(failures.length || results.failed ? 1 : 0);
