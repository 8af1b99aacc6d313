import { authApi } from '../../types/api/auth';
import { handler } from '../core/handler';
import { whoami } from '../core/auth/auth.service';
import { bindWithCode, createBindCode } from '../core/auth/bind-code.service';
import { bindFor, bindHousehold, listBindings, unbind } from '../core/auth/bind.service';
import * as web from '../core/auth/web-login.service';

export const main = handler(authApi, {
  whoami: (_input, ctx) => whoami(ctx),
  bindHousehold: (input, ctx) => bindHousehold(ctx, input),
  bindFor: (input, ctx) => bindFor(ctx, input),
  createBindCode: (input, ctx) => createBindCode(ctx, input),
  bindWithCode: (input, ctx) => bindWithCode(ctx, input),
  unbind: (input, ctx) => unbind(ctx, input),
  listBindings: (input, ctx) => listBindings(ctx, input),
  webLoginStart: (input, ctx) => web.startWebLogin(ctx, input),
  webLoginClaim: (input, ctx) => web.claimWebLogin(ctx, input),
  webLoginPeek: (input, ctx) => web.peekWebLogin(ctx, input),
  webLoginConfirm: (input, ctx) => web.confirmWebLogin(ctx, input),
  webLoginDecline: (input, ctx) => web.declineWebLogin(ctx, input),
  webSignOut: (_input, ctx) => web.webSignOut(ctx),
  webSignOutEverywhere: (_input, ctx) => web.webSignOutEverywhere(ctx),
});
