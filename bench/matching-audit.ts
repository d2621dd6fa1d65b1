// Checks a batch's assignments independently of the solver (PRODUCT §2.3): every pair must pass
// every hard rule against the providers as they were before the batch, no provider may take more
// clients than its free places, each client is placed at most once, and each score is the pair's
// fitScore. Used by matching.bench.ts, which must fail when any of these is found.
import { fitScore, hardRuleFailures, type BatchResult, type HardRule, type MatchClient, type MatchProvider } from '@haven/domain';

export type AssignmentAudit = {
  pairsChecked: number;
  /** Assignments breaking at least one hard rule. */
  hardRuleViolations: number;
  /** How often each rule was broken (an assignment can break several). */
  brokenRules: Map<HardRule, number>;
  /** Providers given more clients than capacity − active clients. */
  capacityViolations: number;
  /** Clients placed twice, ids unknown to the instance, and scores that differ from fitScore. */
  integrityErrors: number;
};

/** `providersBefore` must be the providers' state before the batch (a snapshot, not the live objects). */
export function auditAssignments(
  result: BatchResult,
  clients: readonly MatchClient[],
  providersBefore: readonly MatchProvider[],
): AssignmentAudit {
  const clientById = new Map(clients.map((client) => [client.id, client]));
  const providerById = new Map(providersBefore.map((provider) => [provider.id, provider]));
  const placed = new Set<string>();
  const takenBy = new Map<string, number>();
  const brokenRules = new Map<HardRule, number>();
  let hardRuleViolations = 0;
  let integrityErrors = 0;

  for (const { clientId, providerId, score } of result.assignments) {
    const client = clientById.get(clientId);
    const provider = providerById.get(providerId);
    if (placed.has(clientId)) integrityErrors += 1;
    placed.add(clientId);
    if (client === undefined || provider === undefined) {
      integrityErrors += 1;
      continue;
    }
    takenBy.set(providerId, (takenBy.get(providerId) ?? 0) + 1);
    const failures = hardRuleFailures(client, provider);
    if (failures.length > 0) hardRuleViolations += 1;
    for (const rule of failures) brokenRules.set(rule, (brokenRules.get(rule) ?? 0) + 1);
    if (fitScore(client, provider).score !== score) integrityErrors += 1;
  }
  for (const clientId of result.unassigned) if (placed.has(clientId)) integrityErrors += 1;

  let capacityViolations = 0;
  for (const [providerId, taken] of takenBy) {
    const provider = providerById.get(providerId)!;
    if (taken > Math.max(0, provider.capacity - provider.activeClients)) capacityViolations += 1;
  }
  return { pairsChecked: result.assignments.length, hardRuleViolations, brokenRules, capacityViolations, integrityErrors };
}

export function describeBrokenRules(audit: AssignmentAudit): string {
  if (audit.brokenRules.size === 0) return 'none';
  return [...audit.brokenRules].map(([rule, times]) => `${rule} ×${times}`).join(', ');
}
