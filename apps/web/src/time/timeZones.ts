/** Where most of Haven's providers practise, offered first. */
export const usTimeZones = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
] as const;

/** Every other time zone the browser knows, by identifier. */
export function otherTimeZones(): string[] {
  const us: readonly string[] = usTimeZones;
  return Intl.supportedValuesOf('timeZone').filter((zone) => !us.includes(zone));
}
