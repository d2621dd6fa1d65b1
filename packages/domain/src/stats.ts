/** The nearest-rank percentile of values sorted ascending (share 0.5 = median, 0.9 = p90); null when empty. */
export function percentile(sorted: readonly number[], share: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? null;
}
