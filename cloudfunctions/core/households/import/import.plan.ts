import type { Household } from '../../../../types/household';
import type { Region, Scope } from '../../../../types/region';
import { inScope } from '../../access';
import { householdsByCodes, householdsByIdNumbers } from '../household.repository';
import type { NumberedRow } from './reader';
import { parseHouseholdRow, parseMemberRow, rowProblem, type HouseholdRow, type MemberRow } from './row.schema';

export interface PlannedHousehold {
  code: string;
  firstRow: number;
  fields: HouseholdRow;
  village: Region;
  members: MemberRow[];
  /** The registered household these ID numbers already belong to: it is updated, never duplicated. */
  existing: Household | null;
}

export interface ImportPlan {
  rows: number;
  errors: { row: number; message: string }[];
  households: PlannedHousehold[];
  /** Registered households outside the caller's region that a row's ID number or code points at (audit-logged, never named). */
  clashes: { row: number; householdId: string }[];
}

type Group = { code: string; rows: NumberedRow[]; members: { row: number; member: MemberRow }[]; broken: boolean };

/** Checks every row on its own, then every household (rows sharing a 户编号) as a whole. */
function groupRows(rows: NumberedRow[], errors: ImportPlan['errors']): Group[] {
  const groups = new Map<string, Group>();
  const seenIds = new Map<string, number>();
  let previous = '';
  for (const r of rows) {
    // A blank 户编号 continues the household above (sheets often merge the household's cells).
    const code = r.cells.code || previous || `#${r.row}`;
    previous = code;
    r.cells.code = code;
    const group = groups.get(code) ?? { code, rows: [], members: [], broken: false };
    groups.set(code, group);
    group.rows.push(r);
    const parsed = parseMemberRow(r.cells);
    if (!parsed.success) {
      errors.push({ row: r.row, message: rowProblem(parsed.error) });
      group.broken = true;
      continue;
    }
    const earlier = seenIds.get(parsed.data.idNumber);
    if (earlier) {
      errors.push({ row: r.row, message: `身份证号与第 ${earlier} 行重复，同一人只能登记一次` });
      group.broken = true;
      continue;
    }
    seenIds.set(parsed.data.idNumber, r.row);
    group.members.push({ row: r.row, member: parsed.data });
  }
  return [...groups.values()];
}

/** Village by "乡镇/行政村" name, only inside the admin's region. */
const placeKey = (town: string, village: string) => `${town}/${village}`;

function planGroup(group: Group, places: Map<string, Region>, errors: ImportPlan['errors']): Omit<PlannedHousehold, 'existing'> | null {
  const first = group.rows[0];
  const fail = (message: string) => {
    errors.push({ row: first.row, message: `户编号 ${group.code}：${message}` });
    return null;
  };
  const fields = parseHouseholdRow(first.cells);
  const { town, village: villageName } = first.cells;
  const village = places.get(placeKey(town, villageName));
  // Every problem of the household's row at once: its cells and its village.
  const problems = [
    ...(fields.success ? [] : [rowProblem(fields.error)]),
    ...(!village && town && villageName ? [`「${town}${villageName}」不是您管辖范围内的村，请核对乡镇和行政村名称`] : []),
  ];
  if (problems.length) return fail(problems.join('；'));
  if (!fields.success || !village || group.broken) return null;
  const heads = group.members.filter((m) => m.member.relation === 'head').length;
  if (heads !== 1) return fail(heads ? '有多位户主，每户只能有一位' : '没有户主，请把一位成员的「与户主关系」填为「户主」');
  return { code: group.code, firstRow: first.row, fields: fields.data, village, members: group.members.map((m) => m.member) };
}

/** Matches households to the registry by ID number and refuses a household spread over two. */
async function matchExisting(
  planned: Omit<PlannedHousehold, 'existing'>[],
  scope: Scope,
  errors: ImportPlan['errors'],
  clashes: ImportPlan['clashes'],
): Promise<PlannedHousehold[]> {
  const stored = await householdsByIdNumbers(planned.flatMap((p) => p.members.map((m) => m.idNumber)));
  const byId = new Map(stored.flatMap((h) => h.members.map((m) => [m.idNumber, h] as const)));
  const byCode = await householdsByCodes(planned.map((p) => p.code));
  const result: PlannedHousehold[] = [];
  for (const p of planned) {
    const matches = [...new Set(p.members.map((m) => byId.get(m.idNumber)).filter((h): h is Household => !!h))];
    const holder = byCode.get(p.code);
    // A household outside the caller's region is never updated, moved or named from here.
    const foreign = [...matches, ...(holder ? [holder] : [])].filter((h) => !inScope(scope, h));
    if (foreign.length) {
      errors.push({ row: p.firstRow, message: `户编号 ${p.code}：其中的身份证号或户编号不能在此导入，请与县扶贫办核对` });
      clashes.push(...[...new Set(foreign.map((h) => h._id))].map((householdId) => ({ row: p.firstRow, householdId })));
      continue;
    }
    if (matches.length > 1) {
      errors.push({ row: p.firstRow, message: `户编号 ${p.code}：成员分别登记在户编号 ${matches.map((h) => h.code).join('、')} 中，请先在系统中核对` });
      continue;
    }
    if (holder && holder._id !== matches[0]?._id) {
      errors.push({ row: p.firstRow, message: `户编号 ${p.code} 已被户主为${holder.headName}的另一户使用，请核对户编号或身份证号` });
      continue;
    }
    result.push({ ...p, existing: matches[0] ?? null });
  }
  return result;
}

/** One entry per row, its problems in the order found: a row's member and household problems read together. */
function byRow(errors: ImportPlan['errors']): ImportPlan['errors'] {
  const rows = new Map<number, string[]>();
  for (const e of errors) rows.set(e.row, [...(rows.get(e.row) ?? []), e.message]);
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([row, messages]) => ({ row, message: messages.join('；') }));
}

export async function planImport(rows: NumberedRow[], scope: Scope, villages: Region[], townNames: Map<string, string>): Promise<ImportPlan> {
  const errors: ImportPlan['errors'] = [];
  const clashes: ImportPlan['clashes'] = [];
  const places = new Map(villages.map((v) => [placeKey(townNames.get(v.parentId ?? '') ?? '', v.name), v]));
  const planned = groupRows(rows, errors)
    .map((g) => planGroup(g, places, errors))
    .filter((p): p is NonNullable<typeof p> => !!p);
  const households = await matchExisting(planned, scope, errors, clashes);
  return { rows: rows.length, errors: byRow(errors), households, clashes };
}
