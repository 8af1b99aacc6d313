import { useCallback, useEffect, useRef, useState } from 'react';
import type { WebLoginStatus } from '@bangfu/types/api/auth';
import { api } from '@/services/client';
import { isApiCallError } from '@/services/errors';
import { signInWithTicket } from '@/services/web-session';

/** How often the desktop asks whether the phone confirmed: quick enough to feel immediate after 确认. */
const POLL_MS = 1500;

export type WebLoginState =
  | { step: 'starting' }
  | { step: 'waiting'; id: string; expiresAt: string; scanned: boolean }
  | { step: 'signingIn' }
  | { step: 'ended'; reason: 'expired' | 'declined' | 'used' }
  | { step: 'failed'; error: unknown };

/**
 * The desktop's half of 扫码登录: ask for a one-time request, show it, ask every 1.5 s whether an
 * admin confirmed it in the mini-program, and sign in with the ticket the confirmed request answers
 * (once). `restart` asks for a new request (after it expired or was declined). `onSignedIn` runs
 * after the js-sdk holds the session.
 */
export function useWebLogin(onSignedIn: () => void): { state: WebLoginState; restart: () => void } {
  const [state, setState] = useState<WebLoginState>({ step: 'starting' });
  const run = useRef(0);

  const start = useCallback(async () => {
    const id = ++run.current;
    const live = () => id === run.current;
    setState({ step: 'starting' });
    try {
      const request = await api.auth.webLoginStart({ userAgent: navigator.userAgent.slice(0, 2000) });
      if (!live()) return;
      setState({ step: 'waiting', id: request.id, expiresAt: request.expiresAt, scanned: false });
      while (live()) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (!live()) return;
        const answer = await claimOrNetworkHiccup(request.id, request.secret);
        if (!answer || !live()) continue;
        if (answer.ticket) {
          setState({ step: 'signingIn' });
          await signInWithTicket(answer.ticket);
          if (live()) onSignedIn();
          return;
        }
        if (answer.status === 'expired' || answer.status === 'declined' || answer.status === 'used') {
          setState({ step: 'ended', reason: answer.status });
          return;
        }
        setState({ step: 'waiting', id: request.id, expiresAt: request.expiresAt, scanned: answer.status === 'scanned' || answer.status === 'confirmed' });
      }
    } catch (error) {
      if (live()) setState({ step: 'failed', error });
    }
  }, [onSignedIn]);

  useEffect(() => {
    void start();
    const runs = run; // a counter, not a rendered node: the cleanup bumps the same box start() reads
    return () => {
      runs.current++;
    };
  }, [start]);

  return { state, restart: () => void start() };
}

/** One poll; a dropped connection waits for the next instead of ending the wait. */
async function claimOrNetworkHiccup(id: string, secret: string): Promise<{ status: WebLoginStatus; ticket: string | null } | null> {
  try {
    return await api.auth.webLoginClaim({ id, secret });
  } catch (error) {
    if (isApiCallError(error) && error.code === 'INTERNAL') return null;
    throw error;
  }
}
