// Markdown-light for messages: **bold**, _italic_, line breaks and http(s) links — parsed into a
// small tree that is rendered as React elements, so nothing a person types is ever read as HTML.

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'link'; href: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] };

/** One line of a message; lines are shown with a break between them. */
export type Line = Inline[];

export function parseMessageText(text: string): Line[] {
  return text.replace(/\r\n?/g, '\n').split('\n').map(parseInline);
}

const URL_START = /https?:\/\//iy;
const URL_BODY = /[^\s<>"]+/y;
const WORD = /[\p{L}\p{N}_]/u;
const SPACE = /\s/;

const isWord = (char: string | undefined) => char !== undefined && WORD.test(char);
const isSpace = (char: string | undefined) => char === undefined || SPACE.test(char);

/** The link starting at `at`, without the punctuation that ends the sentence around it; or null. */
export function linkAt(text: string, at: number): string | null {
  const before = text[at - 1];
  if (before !== undefined && (isWord(before) || before === '/')) return null;
  URL_START.lastIndex = at;
  if (!URL_START.test(text)) return null;
  URL_BODY.lastIndex = URL_START.lastIndex;
  const body = URL_BODY.exec(text);
  if (!body) return null;
  let url = text.slice(at, URL_BODY.lastIndex);
  for (;;) {
    const last = url.at(-1);
    const unbalanced = last === ')' && count(url, '(') < count(url, ')');
    if (!last || !(/[.,;:!?'*_]/.test(last) || unbalanced)) break;
    url = url.slice(0, -1);
  }
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname ? url : null;
  } catch {
    return null;
  }
}

const count = (text: string, char: string) => text.split(char).length - 1;

type Delimiter = {
  kind: 'strong' | 'em';
  marker: string;
  opens(text: string, at: number): boolean;
  closes(text: string, at: number): boolean;
};

const strong: Delimiter = {
  kind: 'strong',
  marker: '**',
  opens: (text, at) => text.startsWith('**', at) && !isSpace(text[at + 2]) && text[at + 2] !== '*',
  closes: (text, at) => text.startsWith('**', at) && !isSpace(text[at - 1]) && text[at + 2] !== '*',
};

// Underscores inside words (snake_case, file_names) are not emphasis.
const em: Delimiter = {
  kind: 'em',
  marker: '_',
  opens: (text, at) => text[at] === '_' && !isWord(text[at - 1]) && !isSpace(text[at + 1]) && text[at + 1] !== '_',
  closes: (text, at) => text[at] === '_' && !isSpace(text[at - 1]) && !isWord(text[at + 1]) && text[at - 1] !== '_',
};

/**
 * Where the delimiter opened at `from` closes, skipping links (whose underscores are theirs); -1
 * when it never does. Whether a place closes does not depend on the opener, so one failed search
 * means every later opener of that kind fails too — which keeps parsing linear.
 */
function closerOf(text: string, delimiter: Delimiter, from: number): number {
  for (let at = from + delimiter.marker.length + 1; at < text.length; at += 1) {
    const link = text[at] === 'h' || text[at] === 'H' ? linkAt(text, at) : null;
    if (link) at += link.length - 1;
    else if (delimiter.closes(text, at)) return at;
  }
  return -1;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
  };
  const exhausted = new Set<Delimiter>();
  let at = 0;
  while (at < text.length) {
    const link = text[at] === 'h' || text[at] === 'H' ? linkAt(text, at) : null;
    if (link) {
      flush();
      out.push({ kind: 'link', href: link });
      at += link.length;
      continue;
    }
    const delimiter = [strong, em].find((d) => !exhausted.has(d) && d.opens(text, at));
    if (delimiter) {
      const close = closerOf(text, delimiter, at);
      if (close === -1) exhausted.add(delimiter);
      else {
        flush();
        out.push({ kind: delimiter.kind, children: parseInline(text.slice(at + delimiter.marker.length, close)) });
        at = close + delimiter.marker.length;
        continue;
      }
    }
    plain += text[at];
    at += 1;
  }
  flush();
  return out;
}
