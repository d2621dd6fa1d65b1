// iCalendar files (RFC 5545) for sessions people add to their own calendars. Pure text in,
// text out: the caller decides what an event says, so no clinical detail can slip in here.

export type IcsStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
export type IcsMethod = 'PUBLISH' | 'CANCEL';

export type IcsEvent = {
  /** Globally unique and stable across versions of the event, e.g. `<session id>@haven`. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  url?: string;
  status: IcsStatus;
  /** Raised each time the event changes, so calendars replace the copy they hold. */
  sequence: number;
};

export type IcsCalendar = {
  /** PUBLISH adds or updates events; CANCEL asks calendars to remove them. */
  method: IcsMethod;
  /** When the file was written (DTSTAMP of every event). */
  stamp: Date;
  productId?: string;
  events: IcsEvent[];
};

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
const DEFAULT_PRODUCT_ID = '-//Haven//Haven sessions//EN';

/** A UTC DATE-TIME in the form 20260302T150000Z (seconds kept, milliseconds dropped). */
export function icsDateTime(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('An event time must be a valid date.');
  return instant
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '');
}

/**
 * A TEXT value: backslash, semicolon and comma escaped, any line break as `\n`. Other control
 * characters are not allowed in TEXT and are dropped.
 */
export function escapeIcsText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '')
  );
}

function utf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds a content line so that no physical line exceeds 75 octets (the leading space of a
 * continuation counts), breaking only between characters so UTF-8 is never split.
 */
export function foldIcsLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8Octets(character.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  if (event.end.getTime() <= event.start.getTime()) throw new RangeError('An event must end after it starts.');
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${icsDateTime(event.start)}`,
    `DTEND:${icsDateTime(event.end)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeIcsText(event.description)}`);
  // URL is a URI, not TEXT: it is written as it is, after dropping anything that could end the line.
  if (event.url) lines.push(`URL:${event.url.replace(/[\r\n]/g, '')}`);
  lines.push(`STATUS:${event.status}`, `SEQUENCE:${Math.max(0, Math.trunc(event.sequence))}`, 'END:VEVENT');
  return lines;
}

/** A whole VCALENDAR with CRLF line endings, folded, ending in CRLF. */
export function writeIcs(calendar: IcsCalendar): string {
  const stamp = icsDateTime(calendar.stamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${calendar.productId ?? DEFAULT_PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${calendar.method}`,
    ...calendar.events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
