import type { User } from '../../../types/user';
import { DomainError, unauthenticated } from '../errors';
import { findUser } from '../users/user.repository';
import { findWebIdentity } from './web-identity.repository';
import { parseCustomUserId } from './web-login.rules';

// Its own file: the function layer (handler.ts) resolves every web caller through it, and the
// web sign-in service imports the handler's context types and the audit log, which import the
// handler back (an import cycle).
/**
 * The account behind a web session's custom user id, or null when that id names no one. A
 * session of an earlier generation (signed out everywhere since), or of an account that is no
 * longer an active admin, is refused as signed out: the browser then shows the QR again.
 */
export async function resolveWebCaller(customUserId: string): Promise<User> {
  const parsed = parseCustomUserId(customUserId);
  const identity = parsed ? await findWebIdentity(parsed.key) : null;
  if (!parsed || !identity) throw unauthenticated('电脑端登录已失效，请重新扫码登录');
  if (identity.generation !== parsed.generation) throw unauthenticated('您已退出所有电脑端登录，请重新扫码登录');
  const user = await findUser(identity.userId);
  if (!user || !user.active || user.role !== 'admin') throw new DomainError('UNAUTHENTICATED', '您的账号已不能登录电脑端，请联系县扶贫办');
  return user;
}
