import type { DueItem } from '@bangfu/types/api/visits';
import { filterDue, tagCounts } from '@/package-helper/pages/home/filter';

const row = (over: Partial<DueItem>): DueItem => ({
  householdId: 'hh',
  headName: '张三',
  villageName: '红星村',
  role: 'primary',
  status: 'due',
  visitedThisMonth: false,
  dueAgainReason: null,
  lastVisitedAt: null,
  openNeeds: 0,
  urgentNeeds: 0,
  openGaps: 0,
  nextOccasion: null,
  ...over,
});

const list = [
  row({ householdId: 'a', headName: '张三', villageName: '红星村', status: 'overdue' }),
  row({ householdId: 'b', headName: '李四', villageName: '红星村', status: 'due', openGaps: 2 }),
  row({ householdId: 'c', headName: '王五', villageName: '青山村', status: 'visited', visitedThisMonth: true, urgentNeeds: 1 }),
  // Visited this month and due again after an emergency: shown as 已走访, so not 本月待走访.
  row({ householdId: 'd', headName: '张小花', villageName: '青山村', status: 'due', visitedThisMonth: true, urgentNeeds: 1 }),
];
const ids = (items: DueItem[]) => items.map((i) => i.householdId);

describe('a helper with many households finds the ones to act on', () => {
  it('typing part of a name finds every head with it', () => expect(ids(filterDue(list, '张', undefined))).toEqual(['a', 'd']));
  it('typing a village finds its households', () => expect(ids(filterDue(list, ' 青山 ', undefined))).toEqual(['c', 'd']));
  it('a name and a village together narrow to both', () => expect(ids(filterDue(list, '张 青山', undefined))).toEqual(['d']));
  it('逾期 shows only overdue households', () => expect(ids(filterDue(list, '', 'overdue'))).toEqual(['a']));
  it('本月待走访 leaves out households visited this month, even when due again', () => expect(ids(filterDue(list, '', 'due'))).toEqual(['b']));
  it('急难 shows households with an open emergency need', () => expect(ids(filterDue(list, '', 'urgent'))).toEqual(['c', 'd']));
  it('应享未享 shows households with a benefit not received', () => expect(ids(filterDue(list, '', 'gap'))).toEqual(['b']));
  it('a tag and a search combine', () => expect(ids(filterDue(list, '王', 'urgent'))).toEqual(['c']));
  it('nothing typed and no tag keeps the whole list in its order', () => expect(ids(filterDue(list, '  ', undefined))).toEqual(['a', 'b', 'c', 'd']));
  it('each chip counts its households', () => expect(tagCounts(list)).toEqual({ overdue: 1, due: 1, urgent: 2, gap: 1 }));
});
