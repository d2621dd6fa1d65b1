/** Money in cents, as people read it and as operators type it. */

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** 36000 → "$360.00". */
export function formatCents(cents: number): string {
  return dollars.format(cents / 100);
}

/** 36000 cents → "360.00", for a field an operator edits in dollars. */
export function centsToDollarsField(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** What an operator typed in dollars ("360", "$1,360.5") in cents, or NaN when it is not an amount. */
export function dollarsFieldToCents(text: string): number {
  const plain = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return Number.NaN;
  return Math.round(Number(plain) * 100);
}

/** A whole number an operator typed ("12"), or NaN. */
export function wholeNumberField(text: string): number {
  const plain = text.trim();
  return /^\d+$/.test(plain) ? Number(plain) : Number.NaN;
}
