import { useEffect, useState } from 'react';

/** The current time, refreshed every minute so that "ago", "waiting for" and "upcoming" keep moving. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
