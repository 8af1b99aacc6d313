import { drawLeastSampled } from '../../../cloudfunctions/core/findings/sampler.rules';

/** A seeded generator, so each run draws the same. */
function seeded(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('回头看 draws', () => {
  it('never draws a household again before every household was drawn once', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `h${i}`);
    const times = new Map(ids.map((id) => [id, 0]));
    const random = seeded(7);
    const drawn: string[][] = [];
    for (let round = 0; round < 5; round++) {
      const picked = drawLeastSampled(
        ids.map((id) => ({ id, times: times.get(id)! })),
        20,
        random,
      );
      expect(new Set(picked).size).toBe(20);
      picked.forEach((id) => times.set(id, times.get(id)! + 1));
      drawn.push(picked);
    }
    // Rounds 1–2 hold 40 different households, round 3 the last 10 and 10 drawn once before.
    expect(new Set([...drawn[0], ...drawn[1]]).size).toBe(40);
    expect(new Set([...drawn[0], ...drawn[1], ...drawn[2]]).size).toBe(50);
    // After 100 draws over 50 households, each was drawn exactly twice.
    expect(new Set(times.values())).toEqual(new Set([2]));
  });

  it('draws everyone when a village has fewer households than asked', () => {
    expect(
      drawLeastSampled(
        [
          { id: 'a', times: 3 },
          { id: 'b', times: 0 },
        ],
        20,
        seeded(1),
      ).sort(),
    ).toEqual(['a', 'b']);
  });

  it('is uniform among equals: over many draws each household comes up about as often', () => {
    const counts = new Map<string, number>();
    const random = seeded(42);
    const pool = Array.from({ length: 10 }, (_, i) => ({ id: `h${i}`, times: 0 }));
    for (let i = 0; i < 5000; i++) for (const id of drawLeastSampled(pool, 2, random)) counts.set(id, (counts.get(id) ?? 0) + 1);
    // Expected 1,000 each; allow ±10 %.
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(100);
  });
});
