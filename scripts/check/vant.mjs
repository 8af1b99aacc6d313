// Each page config registers exactly the @vant/weapp components its page renders on weapp
// (STYLE.md "Register only the vant components you use"): a missing one leaves the weapp page
// blank where it should render, an extra one costs package size. What a page renders is every
// `<van-…>` tag in the files it reaches through imports, platform files taken as `.weapp`, names
// imported from a barrel followed to their own file only. What it registers is
// `usingComponents: vant('Cell', …)` expanded with VANT_COMPONENTS (components/ui/vant.ts).
// Run alone: `node scripts/check/vant.mjs [root]`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = 'client/src';
const TRY = ['.weapp.tsx', '.weapp.ts', '.tsx', '.ts', '/index.weapp.tsx', '/index.weapp.ts', '/index.tsx', '/index.ts'];

const stripComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
const isFile = (p) => existsSync(p) && statSync(p).isFile();

function resolve(root, from, spec) {
  let base;
  if (spec.startsWith('@/')) base = path.join(root, SRC, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null; // packages and @bangfu/types render no vant
  if (/\.(tsx?|js)$/.test(base) && isFile(base)) return base;
  for (const ext of TRY) if (isFile(base + ext)) return base + ext;
  return null;
}

/** `import { A, B as C } from 'x'` / `export { default as A } from 'x'`: the names and the path, type-only ones left out. */
function statements(text) {
  const out = [];
  for (const m of text.matchAll(/\b(import|export)\s+(type\s+)?([^;]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    if (m[2]) continue;
    const names = [];
    const braces = /\{([^}]*)\}/.exec(m[3]);
    for (const part of (braces?.[1] ?? '').split(',')) {
      const p = part.trim();
      if (!p || p.startsWith('type ')) continue;
      const [imported, local] = p.split(/\s+as\s+/);
      names.push(m[1] === 'export' ? { imported, exported: local ?? imported } : { imported });
    }
    const whole = /^[\w$]+\s*(,|$)|\*/.test(m[3].trim()); // a default or namespace import takes the file
    if (!braces && !whole) continue;
    out.push({ kind: m[1], names, whole, spec: m[4] });
  }
  for (const m of text.matchAll(/\bimport\s+['"]([^'"]+)['"]/g)) out.push({ kind: 'import', names: [], whole: true, spec: m[1] });
  return out;
}

/** The `<van-…>` tags rendered by `file` and everything it reaches; `only` limits a barrel to some of its exports. */
function rendered(root, file, seen = new Map(), only = null) {
  const key = only ? `${file}#${[...only].sort()}` : file;
  if (seen.has(key)) return seen.get(key);
  const tags = new Set();
  seen.set(key, tags);
  const text = stripComments(readFileSync(file, 'utf8'));
  if (!only) for (const [, tag] of text.matchAll(/<(van-[a-z-]+)/g)) tags.add(tag);
  for (const s of statements(text)) {
    if (only && !(s.kind === 'export' && s.names.some((n) => only.has(n.exported)))) continue;
    const target = resolve(root, file, s.spec);
    if (!target) continue;
    const wanted = only ? new Set(s.names.filter((n) => only.has(n.exported)).map((n) => n.imported)) : null;
    const barrel = !only && !s.whole && isBarrel(target) ? new Set(s.names.map((n) => n.imported)) : wanted && isBarrel(target) ? wanted : null;
    for (const t of rendered(root, target, seen, barrel)) tags.add(t);
  }
  return tags;
}

const isBarrel = (file) => /^(\s*export\s[^;]*from\s*['"][^'"]+['"];?\s*)+$/.test(stripComments(readFileSync(file, 'utf8')));

function kitTable(root) {
  const text = readFileSync(path.join(root, SRC, 'components/ui/vant.ts'), 'utf8');
  const block = /VANT_COMPONENTS = \{([\s\S]*?)\}/.exec(text)[1];
  return Object.fromEntries(
    [...block.matchAll(/(\w+):\s*\[([^\]]*)\]/g)].map(([, kit, list]) => [kit, [...list.matchAll(/'([^']+)'/g)].map((x) => `van-${x[1]}`)]),
  );
}

function pageConfigs(root) {
  return readdirSync(path.join(root, SRC), { recursive: true })
    .map((f) => String(f).split(path.sep).join('/'))
    .filter((f) => /(^|\/)pages\/[^/]+\/index\.config\.ts$/.test(f))
    .map((f) => path.join(root, SRC, f));
}

/** Every page whose registered vant components differ from what it renders, as readable lines. */
export function vantProblems(root) {
  const kits = kitTable(root);
  const problems = [];
  for (const config of pageConfigs(root)) {
    const page = path.relative(root, path.dirname(config)).split(path.sep).join('/');
    const call = /usingComponents:\s*vant\(([^)]*)\)/.exec(readFileSync(config, 'utf8'));
    const named = call ? [...call[1].matchAll(/'(\w+)'/g)].map((m) => m[1]) : [];
    const registered = new Set(named.flatMap((k) => kits[k] ?? []));
    const entry = resolve(root, config, './index');
    const tags = entry ? rendered(root, entry) : new Set();
    const kitsFor = (tag) =>
      Object.keys(kits)
        .filter((k) => kits[k].includes(tag))
        .join(' or ');
    for (const tag of [...tags].sort())
      if (!registered.has(tag)) problems.push(`vant-config: ${page} renders <${tag}> but index.config.ts does not register it: add ${kitsFor(tag)} to vant(…)`);
    for (const kit of named) {
      if (!kits[kit]) problems.push(`vant-config: ${page}/index.config.ts names '${kit}', which is not in VANT_COMPONENTS`);
      else if (kits[kit].every((t) => !tags.has(t)))
        problems.push(`vant-config: ${page}/index.config.ts registers '${kit}' (${kits[kit].join(', ')}), which the page never renders: drop it`);
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../..'));
  const problems = vantProblems(root);
  for (const p of problems) console.error(p);
  console.log(
    problems.length
      ? `vant-config: ${problems.length} problem(s), see above`
      : `vant-config: every page registers exactly the vant components it renders (${pageConfigs(root).length} pages)`,
  );
  process.exit(problems.length ? 1 : 0);
}
