import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useLocalMode } from '../../cloudfunctions/core/local/mode';
import { seedIfEmpty } from '../../cloudfunctions/core/local/seed-store';
import { FUNCTIONS } from '../../cloudfunctions/registry';
import { apis, type ActionName, type ActionOutput, type Apis, type FunctionName } from '../../types/api';
import type { ApiResult } from '../../types/common';
import type { z } from '../../types/z';

export const SEED_NOW = new Date('2026-11-20T04:00:00.000Z');

/**
 * Local mode in its own temp folder (store and files), seeded with the demo county as of SEED_NOW;
 * `now` fixes the clock until close().
 */
export function freshDemoStore(options: { seed?: boolean; now?: Date | string } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-test-'));
  const store = useLocalMode({ dataDir: dir, now: options.now });
  if (options.seed !== false) seedIfEmpty(store.engine, { now: SEED_NOW });
  return {
    dir,
    engine: store.engine,
    close() {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Calls a function as the given local account, exactly as the local host does, and holds every
 * answer to its contract: the data of an `{ ok: true }` answer must parse with the action's output
 * schema (types/api), so every function test also checks that the server answers what the client
 * is typed to expect.
 */
export async function call<F extends FunctionName, A extends ActionName<Apis[F]>>(
  fn: F,
  action: A,
  payload: unknown,
  openid?: string,
): Promise<ApiResult<ActionOutput<Apis[F], A>>> {
  const result = await FUNCTIONS[fn]({ action, payload }, { devOpenid: openid });
  const spec = Object.prototype.hasOwnProperty.call(apis[fn].actions, action) ? (apis[fn].actions as Record<string, { output: z.ZodType }>)[action] : undefined;
  if (result.ok && spec) {
    const parsed = spec.output.safeParse(result.data);
    if (!parsed.success)
      throw new Error(
        `${fn}.${action} answered outside its contract: ${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`,
      );
  }
  return result as ApiResult<ActionOutput<Apis[F], A>>;
}

/** The same call with any function and action names, for tests that send what no client would (matrix, fuzz). */
export const callRaw = (fn: FunctionName, action: string, payload: unknown, openid?: string): Promise<ApiResult<unknown>> =>
  (call as (f: FunctionName, a: string, p: unknown, o?: string) => Promise<ApiResult<unknown>>)(fn, action, payload, openid);

/** The data of an ok answer, typed by the contract; a refusal fails the test with its code and Chinese message. */
export async function ok<T>(answer: Promise<ApiResult<T>>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}
