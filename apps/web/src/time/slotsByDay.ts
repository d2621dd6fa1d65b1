import { instantToZonedParts } from '@haven/domain';

type Slot = { start: string; end: string };

/** Open times grouped by the day they start on in `timeZone`, days and times in order of the list. */
export function slotsByDay<S extends Slot>(slots: readonly S[], timeZone: string): Map<string, S[]> {
  const days = new Map<string, S[]>();
  for (const slot of slots) {
    const day = instantToZonedParts(new Date(slot.start), timeZone).date;
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return days;
}
