import path from 'node:path';
import { useLocalMode } from './mode';
import { createHost, listen } from './host';
import { seedIfEmpty } from './seed-store';
import { DERIVED_VERSION, derivedVersion, rebuildDerived } from '../maintenance/derived';
import { FUNCTIONS } from '../../registry';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Fires every function's timer jobs as CloudBase's timer triggers would: once shortly after the
 * start, then hourly (the jobs are idempotent, so running more often than the cloud's daily
 * schedule only brings the reminders forward).
 */
function runTimers(): void {
  for (const main of Object.values(FUNCTIONS)) {
    for (const name of main.timers ?? []) void main({ Type: 'Timer', TriggerName: name, Time: new Date().toISOString() });
  }
}

/** `npm start`: local mode (the embedded store, seeded on first start), the functions and the H5 build on one port. */
async function main() {
  const root = path.resolve(__dirname, '../../..');
  const dataDir = path.resolve(root, process.env.BANGFU_DATA_DIR ?? '.data');
  const port = Number(process.env.PORT ?? 8080);
  const store = useLocalMode({ dataDir });
  const started = Date.now();
  const seed = seedIfEmpty(store.engine);
  console.log(
    seed.seeded
      ? `已生成演示县：${seed.households} 户、${seed.visits} 条走访记录（${Date.now() - started} ms），数据在 ${dataDir}`
      : `使用已有数据：${seed.households} 户（${dataDir}；删除该目录可重新生成演示数据）`,
  );
  if (!seed.seeded && (await derivedVersion()) < DERIVED_VERSION) {
    // Data written by an older version lacks rollups and summaries newer reads rely on.
    console.log('已有数据来自旧版本，正在重建汇总数据（走访月汇总、兑现摘要）…');
    const rebuilt = await rebuildDerived(new Date(), (message) => process.stdout.write(`\r  ${message}      `));
    const d = rebuilt.differences;
    console.log(
      `\n汇总数据已重建：${rebuilt.households} 户、${rebuilt.records} 条兑现记录、${rebuilt.visits} 条走访记录；` +
        `更正 规则摘要 ${d.ruleFacts}、人数 ${d.memberCount}、兑现摘要 ${d.paidKeys}、走访月汇总 ${d.visitMonths}`,
    );
  }
  const server = createHost(path.resolve(root, process.env.BANGFU_STATIC_DIR ?? 'dist/h5'));
  const actualPort = await listen(server, port);
  console.log(`帮扶通本地演示已启动：http://localhost:${actualPort}  （Ctrl+C 停止）`);
  const timers = [setTimeout(runTimers, 10_000), setInterval(runTimers, HOUR_MS)];
  const stop = () => {
    timers.forEach(clearTimeout);
    server.close();
    store.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error('启动失败：', error instanceof Error ? error.message : error);
  process.exit(1);
});
