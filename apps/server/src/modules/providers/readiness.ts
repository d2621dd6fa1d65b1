import type { LicenceRow, ProviderRow } from './providers.repository.ts';

const liveModalities = new Set(['video', 'audio', 'chat']);

/** A licence that counts for matching: verified and not yet past its expiry date. */
export function licenceCounts(licence: LicenceRow, today: string): boolean {
  return licence.status === 'verified' && licence.expires_on >= today;
}

/**
 * What still stands between a provider and going active, in words an operator or the
 * provider can act on. Empty means ready.
 */
export function missingForActivation(p: ProviderRow, licences: LicenceRow[], today: string): string[] {
  const missing: string[] = [];
  if (p.status === 'invited') missing.push('The provider has not accepted their invitation yet.');
  const required: Array<[boolean, string]> = [
    [p.credentials.length > 0, 'Add at least one credential.'],
    [p.years_experience !== null, 'Add years of experience.'],
    [p.npi !== null, 'Add an NPI number.'],
    [p.focus_areas.length > 0, 'Choose areas of expertise.'],
    [p.approaches.length > 0, 'Choose therapy approaches.'],
    [p.languages.length > 0, 'Choose languages.'],
    [Boolean(p.approach_statement), 'Write the approach statement.'],
    [p.time_zone !== null, 'Choose a time zone.'],
    [p.business_hours.length > 0, 'Set messaging business hours.'],
    [p.capacity !== null, 'Set a capacity.'],
    [p.modalities.length > 0, 'Choose how sessions happen (modalities).'],
    [p.coverage.length > 0, 'Choose the coverage accepted.'],
  ];
  for (const [done, sentence] of required) if (!done) missing.push(sentence);
  if (p.modalities.some((m) => liveModalities.has(m)) && p.weekly_availability.length === 0) {
    missing.push('Publish weekly hours for live sessions.');
  }
  if (!licences.some((l) => licenceCounts(l, today))) missing.push('Have at least one verified, unexpired license.');
  return missing;
}
