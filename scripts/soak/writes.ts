/**
 * The writes a soak client makes: visits and needs by demo-helper for its households, payment
 * records (兑现) by demo-admin. Each carries a mark the checks find it by — `soak:<id>` in a visit's
 * notes or a need's description; a payment's household and period, in years no seeded record uses.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_COUNTY } from '../../cloudfunctions/core/local/seed';

export type Kind = 'visit' | 'need' | 'benefit';

export interface Write {
  /** The queue item's id: a visit's or need's own id; a payment's id is derived by the server from its content. */
  id: string;
  kind: Kind;
  fn: string;
  action: string;
  payload: Record<string, unknown>;
  /** The mark the store is searched by. */
  mark: string;
}

/** A small seeded generator (mulberry32), so a failing run can be repeated with SOAK_SEED. */
export class Random {
  constructor(private state: number) {}
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
}

const CATEGORIES = ['medical', 'housing', 'education', 'employment', 'living', 'other'] as const;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export class Writes {
  private readonly periods = new Set<string>();

  constructor(
    private readonly rnd: Random,
    private readonly helperHouseholds: string[],
  ) {}

  next(): Write {
    const roll = this.rnd.next();
    if (roll < 0.5) return this.visit();
    if (roll < 0.75) return this.need();
    return this.benefit();
  }

  private visit(): Write {
    const id = randomUUID();
    // Within the 60 days a visit may be recorded late, and never in the future.
    const visitedAt = new Date(Date.now() - this.rnd.int(3600, 50 * 24 * 3600) * 1000).toISOString();
    const payload = { id, householdId: this.rnd.pick(this.helperHouseholds), visitedAt, occasion: 'routine', notes: `soak:${id}` };
    return { id, kind: 'visit', fn: 'visits', action: 'record', payload, mark: payload.notes };
  }

  private need(): Write {
    const id = randomUUID();
    const payload = { id, householdId: this.rnd.pick(this.helperHouseholds), category: this.rnd.pick(CATEGORIES), description: `soak:${id}` };
    return { id, kind: 'need', fn: 'needs', action: 'report', payload, mark: payload.description };
  }

  /** 低保 for one month of 2001–2020, once per household and month (seeded records are of recent years). */
  private benefit(): Write {
    let householdId: string, period: string;
    do {
      householdId = `hh-${pad(this.rnd.int(1, DEMO_COUNTY.households), 6)}`;
      period = `${this.rnd.int(2001, 2020)}-${pad(this.rnd.int(1, 12))}`;
    } while (this.periods.has(`${householdId}|${period}`));
    this.periods.add(`${householdId}|${period}`);
    const payload = { householdId, policy: 'dibao', period, amount: this.rnd.int(100, 900), paidOn: `${period}-15` };
    return { id: randomUUID(), kind: 'benefit', fn: 'benefits', action: 'recordDisbursement', payload, mark: `${householdId}|${period}` };
  }
}
