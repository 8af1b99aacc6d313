import type { z } from '../z';
import type { Role } from '../user';

/**
 * Who may call an action: anyone (`public`), any WeChat user even before binding (`signedIn`),
 * or the listed roles. Region and pairing scope are checked by the domain services on the server.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface ActionContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

export interface ApiContract<N extends string = string, A extends Record<string, ActionContract> = Record<string, ActionContract>> {
  name: N;
  actions: A;
}

/** One contract per function: action name → input schema, output schema and access. */
export function defineApi<const N extends string, const A extends Record<string, ActionContract>>(name: N, actions: A): ApiContract<N, A> {
  return { name, actions };
}

export type ActionName<C extends ApiContract> = keyof C['actions'] & string;
/** Who may call the action, as its contract literally says (`['admin']`, `'signedIn'`, …). */
export type ActionAccess<C extends ApiContract, K extends ActionName<C>> = C['actions'][K]['access'];
/** What a caller sends (before defaults are applied). */
export type ActionInput<C extends ApiContract, K extends ActionName<C>> = z.input<C['actions'][K]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<C extends ApiContract, K extends ActionName<C>> = z.output<C['actions'][K]['input']>;
export type ActionOutput<C extends ApiContract, K extends ActionName<C>> = z.output<C['actions'][K]['output']>;
