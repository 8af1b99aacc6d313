// `npm start`: install what is missing, build the H5 client if it is missing, then run the local host.
import { existsSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync(path.join(root, 'node_modules/.bin/tsx'))) {
  console.log('首次运行：安装依赖（npm install，约 3 分钟）…');
  run('npm', ['install', '--no-audit', '--no-fund']);
}
if (!existsSync(path.join(root, 'dist/h5/index.html')) || process.argv.includes('--rebuild')) {
  console.log('构建 H5 页面…');
  run('node', ['scripts/build-client.mjs', 'h5']);
}
const host = spawn(path.join(root, 'node_modules/.bin/tsx'), ['cloudfunctions/core/local/main.ts'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
host.on('exit', (code) => process.exit(code ?? 0));
