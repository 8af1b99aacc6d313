import type { ActionInput, ActionOutput, ParsedInput } from '../../types/api';
import { apis, type visitsApi, type householdsApi, type needsApi } from '../../types/api';
import type { HouseholdView } from '../../types/household';
import type { NeedView } from '../../types/need';
import type { call } from '../support/store';

/**
 * The contracts are the one source of types for both sides (issue 12): what a caller may send,
 * what a handler receives after defaults, and what comes back. Checked by tsc, which `npm test`
 * runs over test/; a wrong type fails the type-check, a missing error fails `@ts-expect-error`.
 */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameType = <T, Expected>(..._proof: Equal<T, Expected> extends true ? [] : [never]) => true;

describe('types derived from the contracts', () => {
  it('an output is the schema the server answers with: households.get is a HouseholdView', () => {
    expect(sameType<ActionOutput<typeof householdsApi, 'get'>, HouseholdView>()).toBe(true);
    expect(sameType<ActionOutput<typeof needsApi, 'get'>, NeedView>()).toBe(true);
  });

  it('a caller may leave out what has a default; the handler always receives it', () => {
    expect(sameType<ActionInput<typeof visitsApi, 'record'>['photos'], string[] | undefined>()).toBe(true);
    expect(sameType<ParsedInput<typeof visitsApi, 'record'>['photos'], string[]>()).toBe(true);
  });

  it('the test call() is typed by the same contract', () => {
    type Answer = Awaited<ReturnType<typeof call<'households', 'get'>>>;
    expect(sameType<Extract<Answer, { ok: true }>['data'], HouseholdView>()).toBe(true);
  });

  it('an action that does not exist has no type', () => {
    // @ts-expect-error: findings has no action named archive
    type Nothing = ActionOutput<typeof apis.findings, 'archive'>;
    expect(Object.keys(apis.findings.actions)).not.toContain('archive');
  });
});
