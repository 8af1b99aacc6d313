import { availableSteps, availableTransitions, checkStep, checkTransition } from '../../../cloudfunctions/core/needs/workflow.rules';
import { notePlaceholder } from '../../../types/need';

describe('the needs workflow', () => {
  it.each([
    ['the assigned helper accepts a reported need', 'reported', 'accepted', 'assignee', undefined, true],
    ['an admin accepts a reported need nobody took up', 'reported', 'accepted', 'admin', undefined, true],
    ['the household cannot accept its own need', 'reported', 'accepted', 'household', undefined, 'FORBIDDEN'],
    ['a helper who is not the assignee cannot accept it', 'reported', 'accepted', 'pairedHelper', undefined, 'FORBIDDEN'],
    ['an accepted need cannot be accepted again', 'accepted', 'accepted', 'assignee', undefined, 'CONFLICT'],
    ['the helper resolves an accepted need with what was done', 'accepted', 'resolved', 'assignee', '已办理医保报销', true],
    ['resolving without saying what was done is refused', 'in_progress', 'resolved', 'assignee', ' ', 'INVALID_INPUT'],
    ['rejecting without a reason is refused', 'reported', 'rejected', 'assignee', undefined, 'INVALID_INPUT'],
    ['a resolved need cannot be rejected', 'resolved', 'rejected', 'assignee', '不符合条件', 'CONFLICT'],
    ['the household confirms a resolution', 'resolved', 'confirmed', 'household', undefined, true],
    ['the helper cannot confirm their own resolution', 'resolved', 'confirmed', 'assignee', undefined, 'FORBIDDEN'],
    ['the household reopens a resolution that did not help, saying why', 'resolved', 'reopened', 'household', '屋顶还在漏', true],
    ['the household cannot reopen a rejection: that goes through the admins', 'rejected', 'reopened', 'household', '不服', 'CONFLICT'],
    ['an admin reopens a rejection', 'rejected', 'reopened', 'admin', '经核实符合条件', true],
    ['a confirmed need is closed for good', 'confirmed', 'reopened', 'household', '又坏了', 'CONFLICT'],
    ['a reopened need can be resolved again', 'reopened', 'resolved', 'assignee', '已重新修缮', true],
  ] as const)('%s', (_sentence, from, to, actor, note, expected) => {
    const result = checkTransition(from, to, actor, note);
    if (expected === true) expect(result).toEqual({ ok: true });
    else expect(result).toMatchObject({ ok: false, code: expected, message: expect.any(String) });
  });

  it.each([
    ['the assignee of a reported need may accept or reject it', 'reported', 'assignee', ['accepted', 'rejected']],
    ['the household of a resolved need may confirm or reopen it', 'resolved', 'household', ['confirmed', 'reopened']],
    ['nobody but an admin may act on a rejected need', 'rejected', 'admin', ['reopened']],
    ['the household can do nothing while its need is being handled', 'in_progress', 'household', []],
  ] as const)('%s', (_sentence, from, actor, expected) => {
    expect(availableTransitions(from, actor).sort()).toEqual([...expected].sort());
  });
});

describe('steps that change no status: 转派, 督办, 提请协调', () => {
  it.each([
    ['an admin reassigns a need being handled', 'reassign', 'in_progress', 'admin', undefined, false, true],
    ['an admin reassigns a reported need nobody took up', 'reassign', 'reported', 'admin', undefined, false, true],
    ['the assignee cannot hand their need to someone else', 'reassign', 'accepted', 'assignee', undefined, false, 'FORBIDDEN'],
    ['a resolved need is not reassigned', 'reassign', 'resolved', 'admin', undefined, false, 'CONFLICT'],
    ['an admin urges the assignee of an accepted need, with or without a note', 'urge', 'accepted', 'admin', undefined, false, true],
    ['a helper cannot urge', 'urge', 'accepted', 'pairedHelper', '快点', false, 'FORBIDDEN'],
    ['a confirmed need is not urged', 'urge', 'confirmed', 'admin', undefined, false, 'CONFLICT'],
    ['the assignee escalates a need they cannot solve, saying why', 'escalate', 'in_progress', 'assignee', '需要住建部门鉴定', false, true],
    ['escalating without a reason is refused', 'escalate', 'in_progress', 'assignee', ' ', false, 'INVALID_INPUT'],
    ["another paired helper cannot escalate the assignee's need", 'escalate', 'in_progress', 'pairedHelper', '需要协调', false, 'FORBIDDEN'],
    ['the household cannot escalate', 'escalate', 'reported', 'household', '需要协调', false, 'FORBIDDEN'],
    ['a need already waiting for coordination is not escalated again', 'escalate', 'in_progress', 'assignee', '再次', true, 'CONFLICT'],
    ['a rejected need is not escalated', 'escalate', 'rejected', 'assignee', '需要协调', false, 'CONFLICT'],
  ] as const)('%s', (_sentence, step, from, actor, note, escalated, expected) => {
    const result = checkStep(step, from, actor, note, escalated);
    if (expected === true) expect(result).toEqual({ ok: true });
    else expect(result).toMatchObject({ ok: false, code: expected, message: expect.any(String) });
  });

  it.each([
    ['an admin on an open need may reassign or urge', 'accepted', 'admin', ['reassign', 'urge']],
    ['the assignee on an open need may escalate', 'in_progress', 'assignee', ['escalate']],
    ['nobody takes these steps on a closed need', 'confirmed', 'admin', []],
  ] as const)('%s', (_sentence, from, actor, expected) => {
    expect(availableSteps(from, actor)).toEqual(expected);
  });
});

describe('the note box speaks to whoever takes the step (issue 13, item 17)', () => {
  it('a household asked to say why it wants 重新办理 reads its own words, no staff wording', () => {
    const hint = notePlaceholder(availableTransitions('resolved', 'household').filter((t) => t !== 'confirmed'));
    expect(hint).toBe('写明哪里还没有解决，例如：房顶还在漏雨');
    expect(hint).not.toMatch(/办理说明|办结|不予受理/);
  });

  it('the assignee handling an accepted need is told what to write for 办结 and for 不予受理', () => {
    expect(notePlaceholder(availableTransitions('accepted', 'assignee'))).toBe('办结时写明做了什么；不予受理时写明理由');
  });
});
