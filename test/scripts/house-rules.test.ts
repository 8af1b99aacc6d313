import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Each house rule fails on a deliberate violation, with a message naming the rule: the rules run
 * on small fixture trees written to a temporary folder (laid out like the repository), never on
 * the repository itself. `npm test` runs the same tools on the real code before the tests.
 */
const ROOT = path.resolve(__dirname, '../..');
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
const SLOW = 180_000; // whole tools start here; the shared CI machine can be slow

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-rules-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

function run(cmd: string, args: string[], options: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(cmd, args, { cwd: options.cwd ?? dir, input: options.input, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('the architecture rules (dependency-cruiser)', () => {
  it(
    'names each broken rule: client to functions, a page outside its lane, sqlite outside the store, a cycle, types importing code',
    () => {
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
      write({
        'tsconfig.json': JSON.stringify({
          compilerOptions: { module: 'esnext', moduleResolution: 'bundler', jsx: 'react-jsx', baseUrl: '.', paths: { '@/*': ['client/src/*'] } },
        }),
        'client/src/app.ts': 'export const app = 1;\n',
        'client/src/pages/home/index.tsx':
          "import { a } from '../../../../cloudfunctions/core/a';\nimport { app } from '@/app';\nexport default () => a + app;\n",
        'cloudfunctions/core/a.ts': "import { b } from './b';\nexport const a = 1;\nexport const c = () => b;\n",
        'cloudfunctions/core/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
        'cloudfunctions/core/households/raw.ts': "import Database from 'better-sqlite3';\nexport const db = () => new Database(':memory:');\n",
        'types/leak.ts': "import { a } from '../cloudfunctions/core/a';\nexport const leak = a;\n",
      });
      const { status, out } = run(bin('depcruise'), [
        '--config',
        path.join(ROOT, '.dependency-cruiser.cjs'),
        'client',
        'cloudfunctions',
        'types',
        '--output-type',
        'err',
      ]);
      expect(status).not.toBe(0);
      for (const rule of [
        'client-not-to-cloudfunctions',
        'pages-import-components-hooks-services',
        'only-embedded-store-uses-sqlite-mingo',
        'no-circular',
        'types-only-zod-dayjs',
      ])
        expect(out).toContain(rule);
    },
    SLOW,
  );
});

describe('a collection is queried only in its owning repository', () => {
  it('names the collection and its owner, and refuses a collection named by a variable', () => {
    write({
      'cloudfunctions/core/visits/visit.service.ts':
        "export const x = () => getDb().collection('households').get();\nexport const y = (n: string) => getDb().collection(n);\n",
    });
    const { status, out } = run('node', [path.join(ROOT, 'scripts/check/collections.mjs'), dir]);
    expect(status).toBe(1);
    expect(out).toContain("visit.service.ts:1 queries 'households', owned by cloudfunctions/core/households/household.repository.ts");
    expect(out).toContain('visit.service.ts:2 names a collection by a variable');
  });
});

describe('page configs register the vant components their page renders', () => {
  it('reports a rendered component left out and a registered one never rendered', () => {
    mkdirSync(path.join(dir, 'client/src/components/ui'), { recursive: true });
    copyFileSync(path.join(ROOT, 'client/src/components/ui/vant.ts'), path.join(dir, 'client/src/components/ui/vant.ts'));
    write({
      'client/src/components/ui/index.ts': "export { default as Button } from './button';\nexport { default as Tag } from './tag';\n",
      'client/src/components/ui/button/index.weapp.tsx': 'export default () => <van-button />;\n',
      'client/src/components/ui/tag/index.weapp.tsx': 'export default () => <van-tag />;\n',
      'client/src/pages/home/index.tsx': "import { Button } from '@/components/ui';\nexport default () => <Button />;\n",
      'client/src/pages/home/index.config.ts': "export default definePageConfig({ usingComponents: vant('Tag') });\n",
    });
    const { status, out } = run('node', [path.join(ROOT, 'scripts/check/vant.mjs'), dir]);
    expect(status).toBe(1);
    expect(out).toContain('client/src/pages/home renders <van-button> but index.config.ts does not register it: add Button');
    expect(out).toContain("registers 'Tag' (van-tag), which the page never renders");
  });
});

describe('dead code (knip)', () => {
  it(
    'reports an unused file and an unused export',
    () => {
      write({
        'package.json': JSON.stringify({ name: 'fixture', private: true }),
        'knip.json': JSON.stringify({ entry: ['index.ts'], project: ['*.ts'] }),
        'index.ts': "import { used } from './lib';\nconsole.info(used);\n",
        'lib.ts': 'export const used = 1;\nexport const forgotten = 2;\n',
        'orphan.ts': 'export const nobody = 3;\n',
      });
      const { status, out } = run(bin('knip'), ['--no-progress']);
      expect(status).not.toBe(0);
      expect(out).toMatch(/Unused files[\s\S]*orphan\.ts/);
      expect(out).toMatch(/Unused exports[\s\S]*forgotten/);
    },
    SLOW,
  );
});

describe('lint and format', () => {
  it(
    'eslint refuses a disable comment that does not say why',
    () => {
      const { status, out } = run(bin('eslint'), ['--stdin', '--stdin-filename', 'scripts/fixture.mjs'], {
        cwd: ROOT,
        input: '// eslint-disable-next-line no-undef\nnobody();\n',
      });
      expect(status).toBe(1);
      expect(out).toContain('bangfu/disable-says-why');
    },
    SLOW,
  );

  it(
    'prettier rewrites code that is not in the house format',
    () => {
      const { status, out } = run(bin('prettier'), ['--stdin-filepath', 'scripts/fixture.ts'], { cwd: ROOT, input: 'const greeting = "你好"\n' });
      expect(status).toBe(0);
      expect(out).toBe("const greeting = '你好';\n");
    },
    SLOW,
  );
});
