import { useIntake } from '../../api/care.ts';
import { browserTimeZone } from '../../time/formatting.ts';

/** The time zone the client gave in their intake, or the browser's until it has loaded. */
export function useClientTimeZone(): string {
  const intake = useIntake();
  return intake.data?.answers.timeZone ?? browserTimeZone();
}
