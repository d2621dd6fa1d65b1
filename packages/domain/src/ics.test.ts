import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine, icsDateTime, writeIcs, type IcsEvent } from './ics.ts';

const octets = (text: string) => Buffer.byteLength(text, 'utf8');
/** RFC 5545 §3.1: a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

function event(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    uid: '0b7f5e0e-4c1a-4a57-9a3e-6c1d2e3f4a5b@haven',
    start: new Date('2026-03-02T15:00:00Z'),
    end: new Date('2026-03-02T15:50:00Z'),
    summary: 'Haven session with Maya',
    description: 'Video session.\nJoin from Haven: https://haven.example/sessions/0b7f5e0e',
    url: 'https://haven.example/sessions/0b7f5e0e-4c1a-4a57-9a3e-6c1d2e3f4a5b',
    status: 'CONFIRMED',
    sequence: 1,
    ...overrides,
  };
}

describe('escapeIcsText', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('escapes a backslash before what follows it, so "\\n" typed literally survives', () => {
    expect(escapeIcsText('C:\\new')).toBe('C:\\\\new');
  });

  it('drops control characters but keeps tabs', () => {
    expect(escapeIcsText('a\u0000b\u0007c\td\u007f')).toBe('abc\td');
  });
});

describe('icsDateTime', () => {
  it('writes UTC in the Z form without milliseconds', () => {
    expect(icsDateTime(new Date('2026-11-01T06:30:15.250Z'))).toBe('20261101T063015Z');
  });

  it('refuses an invalid date', () => {
    expect(() => icsDateTime(new Date('nope'))).toThrow(RangeError);
  });
});

describe('foldIcsLine', () => {
  it('leaves a line of 75 octets alone and folds the 76th', () => {
    expect(foldIcsLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldIcsLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('counts the leading space of a continuation line', () => {
    const lines = foldIcsLine('x'.repeat(75 + 74 + 1)).split('\r\n');
    expect(lines.map(octets)).toEqual([75, 75, 2]);
  });

  it('never splits a multibyte character', () => {
    // 'é' is 2 octets, '界' 3, '🌿' 4: 74 ASCII octets leave room for none of them on line one.
    for (const wide of ['é', '界', '🌿']) {
      const lines = foldIcsLine(`${'x'.repeat(74)}${wide}${wide}`).split('\r\n');
      expect(lines[0]).toBe('x'.repeat(74));
      expect(lines[1]).toBe(` ${wide}${wide}`);
    }
  });

  it('keeps every physical line within 75 octets of whole characters, and unfolds to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const line = `DESCRIPTION:${escapeIcsText(text)}`;
        const folded = foldIcsLine(line);
        for (const physical of folded.split('\r\n')) {
          expect(octets(physical)).toBeLessThanOrEqual(75);
          // A split character would not survive a round trip through UTF-8.
          expect(Buffer.from(physical, 'utf8').toString('utf8')).toBe(physical);
          expect(physical).not.toMatch(/[\uD800-\uDFFF]/u); // a lone half of a surrogate pair
        }
        expect(unfold(folded)).toBe(line);
      }),
    );
  });
});

describe('writeIcs', () => {
  const stamp = new Date('2026-02-20T12:00:00Z');

  it('writes a calendar with CRLF line endings and one VEVENT per event', () => {
    const text = writeIcs({ method: 'PUBLISH', stamp, events: [event(), event({ uid: 'other@haven', status: 'TENTATIVE', sequence: 0 })] });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(text).split('\r\n').slice(0, -1);
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Haven//Haven sessions//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('UID:0b7f5e0e-4c1a-4a57-9a3e-6c1d2e3f4a5b@haven');
    expect(lines).toContain('DTSTAMP:20260220T120000Z');
    expect(lines).toContain('DTSTART:20260302T150000Z');
    expect(lines).toContain('DTEND:20260302T155000Z');
    expect(lines).toContain('SUMMARY:Haven session with Maya');
    expect(lines).toContain('DESCRIPTION:Video session.\\nJoin from Haven: https://haven.example/sessions/0b7f5e0e');
    expect(lines).toContain('URL:https://haven.example/sessions/0b7f5e0e-4c1a-4a57-9a3e-6c1d2e3f4a5b');
    expect(lines).toContain('STATUS:TENTATIVE');
    expect(lines).toContain('SEQUENCE:0');
  });

  it('folds long lines and escapes a name with punctuation', () => {
    const text = writeIcs({
      method: 'CANCEL',
      stamp,
      events: [event({ summary: 'Haven session with Zoë; Ana, “Ñandú” 🌿 '.repeat(3), status: 'CANCELLED', sequence: 2 })],
    });
    const physical = text.split('\r\n');
    expect(physical.some((line) => line.startsWith(' '))).toBe(true);
    expect(Math.max(...physical.map(octets))).toBeLessThanOrEqual(75);
    const summary = unfold(text)
      .split('\r\n')
      .find((line) => line.startsWith('SUMMARY:'));
    expect(summary).toBe(`SUMMARY:${'Haven session with Zoë\\; Ana\\, “Ñandú” 🌿 '.repeat(3)}`);
    expect(text).toContain('METHOD:CANCEL\r\n');
    expect(text).toContain('STATUS:CANCELLED\r\n');
  });

  it('keeps a URL from breaking out of its line', () => {
    const text = writeIcs({ method: 'PUBLISH', stamp, events: [event({ url: 'https://haven.example/x\r\nATTENDEE:evil' })] });
    expect(unfold(text).split('\r\n')).toContain('URL:https://haven.example/xATTENDEE:evil');
  });

  it('refuses an event that ends before it starts', () => {
    expect(() => writeIcs({ method: 'PUBLISH', stamp, events: [event({ end: new Date('2026-03-02T14:00:00Z') })] })).toThrow(RangeError);
  });
});
