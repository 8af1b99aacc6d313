import { transitionProblem } from '../../../cloudfunctions/core/households/status.rules';

describe('动态调整 transitions', () => {
  it.each([
    ['an ordinary household newly identified as monitored', 'new_identification', 'none', 'monitored', null],
    ['an ordinary household newly identified as poor', 'new_identification', 'none', 'poor', null],
    ['a poor household at risk newly identified as monitored (SPEC §3b: 脱贫不稳定户)', 'new_identification', 'poor', 'monitored', null],
    ['a poor household exits and keeps enjoying policies', 'exit', 'poor', 'exited_enjoying', null],
    ['an exited household stops enjoying policies', 'exit', 'exited_enjoying', 'exited_not_enjoying', null],
    ['an exited household returns to poverty as monitored', 'return_to_poverty', 'exited_not_enjoying', 'monitored', null],
    ['a monitored household has its risk cleared', 'risk_cleared', 'monitored', 'none', null],
  ] as const)('allows %s', (_s, kind, from, to, expected) => {
    expect(transitionProblem(kind, from, to)).toBe(expected);
  });

  it.each([
    [
      'an exited household is not newly identified (it returns to poverty)',
      'new_identification',
      'exited_enjoying',
      'monitored',
      /只适用于「一般农户」、「贫困户」/,
    ],
    ['an exit cannot make a household monitored', 'exit', 'poor', 'monitored', /后的状态只能是/],
    ['a poor household cannot return to poverty', 'return_to_poverty', 'poor', 'monitored', /只适用于/],
    ['risk cannot be cleared for a household that is not monitored', 'risk_cleared', 'exited_enjoying', 'none', /只适用于「监测户」/],
    ['a change to the same status is refused', 'exit', 'exited_enjoying', 'exited_enjoying', /无需调整/],
  ] as const)('refuses: %s', (_s, kind, from, to, message) => {
    expect(transitionProblem(kind, from, to)).toMatch(message);
  });
});
