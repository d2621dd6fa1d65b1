import { randomUUID } from 'node:crypto';

export type Charge = {
  amountCents: number;
  description: string;
  /** Idempotency key: the same purpose is charged once. */ purpose: string;
};
export type ChargeResult = { succeeded: boolean; processor: string; reference: string; failureReason: string | null };

/** Takes payments. A real processor plugs in behind this; the local one ships for development and tests. */
export interface PaymentProcessor {
  charge(charge: Charge): Promise<ChargeResult>;
}

/**
 * Records a successful charge without moving money: for the embedded default, development and
 * tests. Its references say "local" so nobody mistakes them for a real payment.
 */
export function localPaymentProcessor(): PaymentProcessor {
  return {
    charge(charge) {
      if (!Number.isInteger(charge.amountCents) || charge.amountCents < 0)
        throw new RangeError('A charge is a whole, non-negative number of cents.');
      return Promise.resolve({ succeeded: true, processor: 'local', reference: `local_${randomUUID()}`, failureReason: null });
    },
  };
}
