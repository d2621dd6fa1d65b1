import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkAt, parseInline, parseMessageText, type Inline } from './messageText.ts';

const text = (value: string): Inline => ({ kind: 'text', text: value });
const link = (href: string): Inline => ({ kind: 'link', href });

/** What the reader sees, markers gone: the text of every leaf in order. */
function visible(nodes: Inline[]): string {
  return nodes.map((n) => (n.kind === 'text' ? n.text : n.kind === 'link' ? n.href : visible(n.children))).join('');
}

describe('parseMessageText', () => {
  it('keeps plain text, markup characters and all, as text', () => {
    expect(parseInline('<script>alert("hi")</script> & <b>')).toEqual([text('<script>alert("hi")</script> & <b>')]);
  });

  it('splits lines, however they were ended', () => {
    expect(parseMessageText('one\r\ntwo\n\nfour')).toEqual([[text('one')], [text('two')], [], [text('four')]]);
  });

  it('reads **bold** and _italic_, nested too', () => {
    expect(parseInline('I feel **much _calmer_** today')).toEqual([
      text('I feel '),
      { kind: 'strong', children: [text('much '), { kind: 'em', children: [text('calmer')] }] },
      text(' today'),
    ]);
  });

  it('leaves underscores inside words, lone markers and spaced markers alone', () => {
    for (const plain of ['my_file_name.pdf', 'a ** b ** c', '_ not italic _', '**unclosed', '2 * 3 * 4', '__init__']) {
      expect(visible(parseInline(plain))).toBe(plain);
      expect(parseInline(plain).every((n) => n.kind === 'text')).toBe(true);
    }
  });

  it('links http and https addresses, leaving the sentence punctuation outside', () => {
    expect(parseInline('See https://example.org/a_b_(c). Then http://x.test/?q=1, ok')).toEqual([
      text('See '),
      link('https://example.org/a_b_(c)'),
      text('. Then '),
      link('http://x.test/?q=1'),
      text(', ok'),
    ]);
    expect(parseInline('(https://example.org/page)')).toEqual([text('('), link('https://example.org/page'), text(')')]);
  });

  it('never links other schemes or addresses glued to a word', () => {
    for (const plain of ['javascript:alert(1)', 'data:text/html,hi', 'xhttps://evil.test', 'ftp://files.test', 'https://']) {
      expect(parseInline(plain).some((n) => n.kind === 'link')).toBe(false);
    }
  });

  it("keeps a link whole inside emphasis, and underscores in a link are the link's", () => {
    expect(parseInline('**read https://example.org/_draft_/v2 now**')).toEqual([
      { kind: 'strong', children: [text('read '), link('https://example.org/_draft_/v2'), text(' now')] },
    ]);
    expect(parseInline('_see https://a.test/x_y_')).toEqual([{ kind: 'em', children: [text('see '), link('https://a.test/x_y')] }]);
  });

  it('loses no character: what is shown is the text without the markers it used', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ' ', '*', '_', 'h', 't', 'p', 's', ':', '/', '.', 'é', '<'), maxLength: 60 }),
        (input) => {
          const shown = visible(parseInline(input));
          const markers = input.length - shown.length;
          expect(markers).toBeGreaterThanOrEqual(0);
          expect(shown.replace(/[*_]/g, '')).toBe(input.replace(/[*_]/g, ''));
        },
      ),
    );
  });

  it('every link it makes is http or https', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (input) => {
        for (let at = 0; at < input.length; at += 1) {
          const href = linkAt(input, at);
          if (href) expect(new URL(href).protocol).toMatch(/^https?:$/);
        }
      }),
    );
  });

  it('stays fast on a long message full of markers that never close', () => {
    const started = performance.now();
    parseInline('** _ '.repeat(2_000));
    expect(performance.now() - started).toBeLessThan(500);
  });
});
