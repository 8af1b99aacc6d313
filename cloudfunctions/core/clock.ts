/** The one clock domain services read, so tests can fix "now" (deadlines, months, ages). */
let fixed: Date | null = null;

export const clock = {
  now: (): Date => (fixed ? new Date(fixed) : new Date()),
  set(date: Date | string | null): void {
    fixed = date === null ? null : new Date(date);
  },
};
