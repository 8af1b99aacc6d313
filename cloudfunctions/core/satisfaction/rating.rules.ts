/** The mean of the scores to one decimal, null when there are none (a figure with its count). */
export function meanRating(scores: number[]): { average: number | null; count: number } {
  if (!scores.length) return { average: null, count: 0 };
  return { average: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10, count: scores.length };
}

/** Reasons as stored: trimmed, each once, empty ones dropped. */
export const cleanReasons = (reasons: string[]): string[] => [...new Set(reasons.map((r) => r.trim()).filter(Boolean))];
