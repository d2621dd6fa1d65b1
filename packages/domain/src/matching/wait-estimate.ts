// What a queued client is told about their wait (PRODUCT §2.3: "an honest estimate").

/**
 * Days until a queued client is likely matched: everyone ahead of them, and then they, each need a
 * freed place, and places free up at the recent daily rate, so days = ⌈position ÷ daily rate⌉.
 * `queuePosition` counts from 1 (next in line); `dailyFreedCapacity` is the average number of
 * places freed per day among providers eligible for this client over recent weeks. When nothing
 * has freed up recently there is no honest number to give, so `days` is null. The estimate
 * assumes first-come order; batch assignment can change the order, which is why it is "about".
 */
export function estimateWait(queuePosition: number, dailyFreedCapacity: number): { days: number | null } {
  if (!Number.isInteger(queuePosition) || queuePosition < 1) {
    throw new RangeError(`A queue position counts from 1, got ${queuePosition}.`);
  }
  if (!(dailyFreedCapacity > 0) || !Number.isFinite(dailyFreedCapacity)) return { days: null };
  return { days: Math.ceil(queuePosition / dailyFreedCapacity) };
}
