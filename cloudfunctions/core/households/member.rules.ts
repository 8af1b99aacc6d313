import { randomUUID } from 'node:crypto';
import type { MemberDraft } from '../../../types/api/households';
import type { Member } from '../../../types/household';
import { idNumberFacts } from '../../../types/id-number';
import { invalid } from '../errors';

/**
 * A member as stored from what an admin typed: birth date and sex come from the ID number (never
 * typed twice). An existing member left without ID number or phone keeps the stored ones, so the
 * edit form never needs the unmasked values.
 */
export function toMember(draft: MemberDraft, existing: Member | undefined): Member {
  const idNumber = draft.idNumber ?? existing?.idNumber;
  if (!idNumber) throw invalid(`请填写${draft.name}的身份证号`);
  const phone = draft.phone === undefined ? existing?.phone : draft.phone || undefined;
  const { id: _draftId, idNumber: _i, phone: _p, ...rest } = draft;
  const member: Member = { ...rest, id: existing?.id ?? randomUUID(), idNumber, ...idNumberFacts(idNumber) };
  if (phone) member.phone = phone;
  return member;
}

/** Members from drafts, matching each draft to a stored member by id; ID numbers must be unique. */
export function toMembers(drafts: MemberDraft[], stored: Member[] = []): Member[] {
  const members = drafts.map((d) => {
    const existing = d.id ? stored.find((m) => m.id === d.id) : undefined;
    if (d.id && !existing) throw invalid(`成员「${d.name}」不在该户中，请刷新后再改`);
    return toMember(d, existing);
  });
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.idNumber)) throw invalid(`身份证号重复：${m.name}与另一位成员的身份证号相同`);
    seen.add(m.idNumber);
  }
  if (members.filter((m) => m.relation === 'head').length !== 1) throw invalid('每户须有且只有一位户主（与户主关系为「户主」）');
  return members;
}

export const headOf = (members: Member[]): Member => members.find((m) => m.relation === 'head') ?? members[0];
