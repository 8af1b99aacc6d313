import { ledgerRows } from '../../../cloudfunctions/core/reports/ledger.service';

const helpers = new Map([
  ['D1', { name: '王医生', unit: '镇卫生院' }],
  ['D2', { name: '陈医生', unit: '镇卫生院' }],
  ['A', { name: '张帮', unit: '县财政局' }],
  ['B', { name: '李扶', unit: '县财政局' }],
]);
const visit = (householdId: string, helperId: string, extra: { measures?: string[]; checklist?: string[] } = {}) => ({
  householdId,
  helperId,
  measures: extra.measures ?? [],
  checklist: extra.checklist ?? [],
});
const m = (health: string, disabilityLevel: number, schooling: string) => ({ health, disabilityLevel, schooling });

describe('the three ledgers', () => {
  it("health: members ill or disabled, visits, checklist items of the doctor's list, members not seen", () => {
    const rows = ledgerRows('health', {
      helperOf: new Map([
        ['h1', 'D1'],
        ['h2', 'D1'],
        ['h3', 'D2'],
      ]),
      helpers,
      visits: [
        visit('h1', 'D1', { checklist: ['测量血压血糖', '慢病用药指导'] }),
        visit('h1', 'D1', { checklist: ['测量血压血糖', '不在清单上的项'] }),
        // Another helper's visit to h2 does not count as the doctor's.
        visit('h2', 'A', { checklist: ['健康状况随访'] }),
      ],
      members: new Map([
        ['h1', [m('chronic', 0, 'none'), m('healthy', 0, 'primary')]],
        ['h2', [m('healthy', 2, 'none'), m('serious', 0, 'none'), m('healthy', 0, 'none')]],
        ['h3', [m('healthy', 0, 'junior')]],
      ]),
      resolvedIn: new Map(),
    });
    expect(rows.map((r) => [r.name, r.households, r.members, r.visits, r.visited, r.checklistDone, r.checklistTotal, r.notSeen])).toEqual([
      // h1: 1 ill member, seen; h2: a disabled and a seriously ill member, not seen.
      ['王医生', 2, 3, 2, 1, 2, 5, 2],
      ['陈医生', 1, 0, 0, 0, 0, 5, 0],
    ]);
  });

  it('education: members in school and the students not seen', () => {
    const rows = ledgerRows('education', {
      helperOf: new Map([
        ['h1', 'D2'],
        ['h3', 'D2'],
      ]),
      helpers,
      visits: [visit('h3', 'D2', { checklist: ['控辍保学劝返'] })],
      members: new Map([
        ['h1', [m('healthy', 0, 'primary'), m('healthy', 0, 'university')]],
        ['h3', [m('healthy', 0, 'junior'), m('healthy', 0, 'none')]],
      ]),
      resolvedIn: new Map(),
    });
    expect(rows.map((r) => [r.name, r.members, r.visits, r.checklistDone, r.notSeen])).toEqual([['陈医生', 3, 1, 1, 2]]);
  });

  it("unit: helpers, households, visited, measures on its helpers' visits, needs resolved", () => {
    const rows = ledgerRows('unit', {
      helperOf: new Map([
        ['h1', 'A'],
        ['h2', 'A'],
        ['h3', 'B'],
      ]),
      helpers,
      visits: [visit('h1', 'A', { measures: ['产业帮扶', '就业介绍'] }), visit('h3', 'D1', { measures: ['不算单位的'] }), visit('h3', 'B')],
      members: new Map(),
      resolvedIn: new Map([['h2', 2]]),
    });
    expect(rows).toEqual([expect.objectContaining({ name: '县财政局', helpers: 2, households: 3, visited: 2, visits: 2, measures: 2, needsHandled: 2 })]);
  });
});
