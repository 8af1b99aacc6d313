import { authApi } from '../../types/api/auth';
import { handler } from '../core/handler';
import { whoami } from '../core/auth/auth.service';

export const main = handler(authApi, {
  whoami: (_input, ctx) => whoami(ctx),
});
