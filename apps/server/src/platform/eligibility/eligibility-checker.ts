export type EligibilityQuestion = { payerId: string; memberId: string; sessionRateCents: number };
export type EligibilityAnswer = {
  eligible: boolean;
  reason: string | null;
  copayCents: number | null;
  /** Deductible still to meet before the plan pays: the member pays the session rate until then. */
  deductibleRemainingCents: number | null;
};

/** Asks a health plan whether a member is covered. Real payers plug in behind this. */
export interface EligibilityChecker {
  check(question: EligibilityQuestion): Promise<EligibilityAnswer>;
}

const DEDUCTIBLE_CENTS = 30_000;

/**
 * A deterministic stand-in for a payer, keyed on the member ID's last character (digits as
 * themselves, letters by their code): 0–1 not covered, 2–5 a $25 copay, 6–7 a $40 copay,
 * 8–9 a $300 deductible still to meet. The same member always gets the same answer.
 */
export function localEligibilityChecker(): EligibilityChecker {
  return {
    check({ memberId }) {
      const last = memberId.at(-1) ?? '0';
      const digit = /\d/.test(last) ? Number(last) : last.charCodeAt(0) % 10;
      if (digit <= 1) {
        return Promise.resolve({
          eligible: false,
          reason: 'This member ID is not active with the plan. Check the ID on your card, or choose another way to pay.',
          copayCents: null,
          deductibleRemainingCents: null,
        });
      }
      if (digit <= 5) return Promise.resolve({ eligible: true, reason: null, copayCents: 2_500, deductibleRemainingCents: null });
      if (digit <= 7) return Promise.resolve({ eligible: true, reason: null, copayCents: 4_000, deductibleRemainingCents: null });
      return Promise.resolve({ eligible: true, reason: null, copayCents: null, deductibleRemainingCents: DEDUCTIBLE_CENTS });
    },
  };
}
