import { useEffect, useState } from 'react';

/** The current time, refreshed every minute (or as asked) so that "ago", "waiting for" and "opens at" keep moving. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
