import { statusColour, STATUS_COLOUR } from '../../../client/src/components/ui/tag/types';
import { STATUS_TAG } from '../../../client/src/components/household/labels';
import { countdown, statusTag } from '../../../client/src/components/needs/format';

/** UX.md: green = done / received, orange = due / pending, red = overdue / entitled-but-not-received / emergency, grey = not applicable. */
describe('one status → colour mapping', () => {
  it.each([
    ['done (已到账, 已走访, 已办结) is green', 'done', 'success'],
    ['due (待走访, 待执行, 未读) is orange', 'due', 'warning'],
    ['alert (逾期, 应享未享, 急难) is red', 'alert', 'danger'],
    ['none (不适用) is grey', 'none', 'default'],
  ] as const)('%s', (_name, status, colour) => {
    expect(statusColour(status)).toBe(colour);
  });

  it('no two meanings share a colour', () => {
    expect(new Set(Object.values(STATUS_COLOUR)).size).toBe(Object.keys(STATUS_COLOUR).length);
  });

  it('a household status is a category: never green (received) nor red (entitled, not received)', () => {
    for (const tag of Object.values(STATUS_TAG)) expect(tag.status === 'done' || tag.status === 'alert').toBe(false);
  });

  it('a need past its deadline is red, one within it orange, one resolved green', () => {
    const now = Date.parse('2026-11-20T04:00:00Z');
    expect(countdown({ deadline: '2026-11-20T03:00:00Z', status: 'accepted' } as never, now)?.status).toBe('alert');
    expect(countdown({ deadline: '2026-11-20T06:00:00Z', status: 'accepted' } as never, now)?.status).toBe('due');
    expect(statusTag({ status: 'resolved', overdue: false } as never).status).toBe('done');
    expect(statusTag({ status: 'accepted', overdue: true } as never).status).toBe('alert');
  });
});
