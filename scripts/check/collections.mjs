// A collection is queried only in its owning repository (STYLE.md "One rule in one place"): every
// `.collection('<name>')`, and every store helper given a collection's name, must sit in the file
// that owns that collection below. Run alone: `node scripts/check/collections.mjs [root]`.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CORE = 'cloudfunctions/core';
/** Each collection's one owner. */
export const OWNERS = {
  regions: `${CORE}/regions/region.repository.ts`,
  household_gaps: `${CORE}/benefits/gap.repository.ts`,
  door_codes: `${CORE}/households/door-code.repository.ts`,
  web_logins: `${CORE}/auth/web-login.repository.ts`,
  web_identities: `${CORE}/auth/web-identity.repository.ts`,
  users: `${CORE}/users/user.repository.ts`,
  households: `${CORE}/households/household.repository.ts`,
  pairings: `${CORE}/assignments/pairing.repository.ts`,
  visits: `${CORE}/visits/visit.repository.ts`,
  visit_months: `${CORE}/visits/visit.repository.ts`,
  visit_refusals: `${CORE}/visits/visit.repository.ts`,
  helper_ratings: `${CORE}/satisfaction/rating.repository.ts`,
  plans: `${CORE}/plans/plan.repository.ts`,
  needs: `${CORE}/needs/need.repository.ts`,
  benefits: `${CORE}/benefits/benefit.repository.ts`,
  policies: `${CORE}/benefits/policy.repository.ts`,
  notices: `${CORE}/notices/notice.repository.ts`,
  notice_reads: `${CORE}/notices/notice.repository.ts`,
  notice_opens: `${CORE}/notices/notice.repository.ts`,
  notice_groups: `${CORE}/notices/notice.repository.ts`,
  notice_subscriptions: `${CORE}/notices/notice.repository.ts`,
  outbox: `${CORE}/notices/notice.repository.ts`,
  findings: `${CORE}/findings/finding.repository.ts`,
  review_rounds: `${CORE}/findings/review.repository.ts`,
  review_items: `${CORE}/findings/review.repository.ts`,
  bulletins: `${CORE}/reports/bulletin.repository.ts`,
  medical_expenses: `${CORE}/monitoring/medical.repository.ts`,
  warnings: `${CORE}/monitoring/warning.repository.ts`,
  // Exception: the audit log has no repository file; audit.service.ts is its only writer (one
  // append-only `add`), so it owns the collection until the log gets a reader of its own.
  audit_logs: `${CORE}/audit/audit.service.ts`,
  bind_attempts: `${CORE}/auth/bind-attempt.repository.ts`,
  bind_codes: `${CORE}/auth/bind-code.repository.ts`,
  files: `${CORE}/files/file.repository.ts`,
  // The settings documents are the store's own (readSettingsDoc / writeSettingsDoc).
  settings: `${CORE}/store/settings-docs.ts`,
  feedback: `${CORE}/feedback/feedback.repository.ts`,
};
/** Store helpers that take a collection's name as their first argument. */
const NAME_TAKING_HELPERS = ['addToSetOrCreate'];
/** Where a collection's name may be a variable: the store's generic helpers. */
const GENERIC = `${CORE}/store/`;
/** Not domain code: the embedded engine implements collections (tests and scripts set up data freely). */
const SKIP = [`${CORE}/store/embedded/`];

function filesUnder(root, dir) {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) =>
      path
        .relative(root, path.join(e.parentPath ?? e.path, e.name))
        .split(path.sep)
        .join('/'),
    )
    .filter((f) => !SKIP.some((s) => f.startsWith(s)));
}

const lineOf = (text, index) => text.slice(0, index).split('\n').length;

/** Every break of the rule under `root`, as one readable line each. */
export function collectionViolations(root) {
  const problems = [];
  const listed = path.join(root, CORE, 'store/index.ts');
  if (existsSync(listed)) {
    const block = /export const COLLECTIONS = \[([\s\S]*?)\]/.exec(readFileSync(listed, 'utf8'))?.[1] ?? '';
    for (const [, name] of block.matchAll(/'([^']+)'/g)) {
      if (!OWNERS[name]) problems.push(`collection-owner: '${name}' is in COLLECTIONS (store/index.ts) but has no owner in scripts/check/collections.mjs`);
    }
  }
  const calls = new RegExp(`(?:\\.collection|\\b(?:${NAME_TAKING_HELPERS.join('|')}))\\(\\s*(?:(['"\`])([^'"\`]*)\\1)?`, 'g');
  for (const file of filesUnder(root, 'cloudfunctions')) {
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const match of text.matchAll(calls)) {
      const [, , name] = match;
      const at = `${file}:${lineOf(text, match.index)}`;
      if (name === undefined) {
        if (!file.startsWith(GENERIC))
          problems.push(`collection-owner: ${at} names a collection by a variable; write its name as a literal in the owning repository`);
        continue;
      }
      const owner = OWNERS[name];
      if (!owner) problems.push(`collection-owner: ${at} queries '${name}', which has no owner (add it to COLLECTIONS and to OWNERS)`);
      else if (owner !== file) problems.push(`collection-owner: ${at} queries '${name}', owned by ${owner}: ask that repository instead`);
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../..'));
  const problems = collectionViolations(root);
  for (const p of problems) console.error(p);
  console.log(
    problems.length
      ? `collections: ${problems.length} problem(s), see above`
      : `collections: each queried only by its owner (${Object.keys(OWNERS).length} collections)`,
  );
  process.exit(problems.length ? 1 : 0);
}
