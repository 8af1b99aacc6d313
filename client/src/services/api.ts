import type { ActionInput, ActionName, ActionOutput, ApiContract } from '@bangfu/types';
import { ApiCallError } from './errors';
import { send } from './transport';

/**
 * Calls one action of one function, typed from its contract in `types/api`.
 * Answers the action's data; throws `ApiCallError` (code + Chinese message) on `{ ok: false }`.
 * The server validates the payload and owns the answer, so the output is not parsed again here.
 */
export async function call<C extends ApiContract, K extends ActionName<C>>(api: C, action: K, input: ActionInput<C, K>): Promise<ActionOutput<C, K>> {
  const result = await send(api.name, action, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.data as ActionOutput<C, K>;
}
