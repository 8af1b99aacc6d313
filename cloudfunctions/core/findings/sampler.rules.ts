/**
 * 回头看 sampling as a pure rule. Each household carries how often earlier rounds of the county
 * drew it; a round draws from the least-drawn first, at random within a tie, so no household is
 * drawn again before every household of its village has been drawn once (and so on).
 */
export interface Candidate {
  id: string;
  times: number;
}

/** `n` ids from the candidates, least-drawn first, uniformly at random among equals. */
export function drawLeastSampled(candidates: Candidate[], n: number, random: () => number): string[] {
  const byTimes = new Map<number, string[]>();
  for (const c of candidates) byTimes.set(c.times, [...(byTimes.get(c.times) ?? []), c.id]);
  const picked: string[] = [];
  for (const times of [...byTimes.keys()].sort((a, b) => a - b)) {
    const group = byTimes.get(times)!;
    // Fisher–Yates: every order of the group equally likely.
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [group[i], group[j]] = [group[j], group[i]];
    }
    picked.push(...group.slice(0, n - picked.length));
    if (picked.length >= n) break;
  }
  return picked;
}
