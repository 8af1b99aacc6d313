import { readFileSync } from 'node:fs';
import { API_DOC_PATH, apiDoc } from '../../scripts/api-doc';
import { apis } from '../../types/api';

describe('docs/api.md', () => {
  it('is what the contracts say today (run `npx tsx scripts/api-doc.ts` after changing a contract)', () => {
    expect(readFileSync(API_DOC_PATH, 'utf8')).toBe(apiDoc());
  });

  it('lists every action of every function', () => {
    const doc = apiDoc();
    for (const contract of Object.values(apis)) for (const action of Object.keys(contract.actions)) expect(doc).toContain(`| \`${action}\` |`);
  });
});
