import type { ActionInput, ActionName, ActionOutput, Apis, FunctionName } from '@bangfu/types';
import { ApiCallError } from './errors';
import { send } from './transport';

/** One action as a function: an input the contract allows, its output; the input may be left out when every field is optional. */
/* eslint-disable @typescript-eslint/no-empty-object-type -- `{} extends Input` is how a type asks "is every field optional" */
type Action<C extends Apis[FunctionName], A extends ActionName<C>> =
  {} extends ActionInput<C, A> ? (input?: ActionInput<C, A>) => Promise<ActionOutput<C, A>> : (input: ActionInput<C, A>) => Promise<ActionOutput<C, A>>;
/* eslint-enable @typescript-eslint/no-empty-object-type */

/**
 * `api.visits` sends `visits`, its key in `apis`: the key must be the contract's own name
 * (`defineApi('visits', …)`), the name the function is deployed under, or `Api` is `never`.
 */
type KeysAreNames = { [F in FunctionName]: Apis[F]['name'] extends F ? F : never } extends { [F in FunctionName]: F } ? true : false;

/** Every function of `types/api` with every action of its contract. */
export type Api = KeysAreNames extends true ? { readonly [F in FunctionName]: { readonly [A in ActionName<Apis[F]>]: Action<Apis[F], A> } } : never;

/**
 * Sends one action and answers its data; throws `ApiCallError` (code + Chinese message) on
 * `{ ok: false }`. The server validates the payload and owns the answer, so nothing is parsed here.
 * `topLevel` adds fields beside `action`/`payload` (weapp only: a top-level `Taro.cloud.CloudID`).
 */
export async function call(fn: FunctionName, action: string, input: unknown = {}, topLevel?: Record<string, unknown>): Promise<unknown> {
  const result = await send(fn, action, input, topLevel);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.data;
}

const functions = new Map<string, Record<string, unknown>>();

/** `api.<function>` answers an object whose every property is that function's action. */
function actionsOf(fn: FunctionName): Record<string, unknown> {
  let actions = functions.get(fn);
  if (!actions) {
    actions = new Proxy({} as Record<string, unknown>, {
      // `then` and symbols are asked by Promise resolution and inspectors: an action never has those names.
      get: (_, action) => (typeof action === 'string' && action !== 'then' ? (input?: unknown) => call(fn, action, input) : undefined),
    });
    functions.set(fn, actions);
  }
  return actions;
}

/**
 * The typed client of every function, derived from the contracts in `types/api` the way t3 derives
 * its client from the router: `api.visits.getPlan({ householdId })`. Only the contracts' types are
 * imported, so no schema is bundled for it; the names come from the property accessed.
 */
export const api = new Proxy({} as Api, {
  get: (_, fn) => (typeof fn === 'string' && fn !== 'then' ? actionsOf(fn as FunctionName) : undefined),
});
