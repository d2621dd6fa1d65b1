// A client's record as one readable HTML page that works offline: no script, no external font,
// image or stylesheet (one inline <style>), every text escaped. Times are in the client's zone.
import type { Message } from '@haven/contract';
import {
  bandNames,
  instrumentNames,
  modalityNames,
  noteFieldNames,
  practitionersOf,
  providerNameOf,
  statusNames,
  type ClientRecord,
} from './record.ts';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/** Escaped text with its line breaks kept. */
const prose = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

const STYLE = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2933;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.75rem;margin:0 0 .25rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid #cbd2d9;padding-bottom:.25rem}
h3{font-size:1rem;margin:1.25rem 0 .25rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid #e4e7eb}
th{font-weight:600}.meta{color:#52606d;font-size:.9rem}.message{margin:.5rem 0;padding:.5rem .75rem;border-radius:.5rem;background:#f5f7fa}
.message.client{background:#e6f0ff}.note{border:1px solid #cbd2d9;border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
@media print{body{margin:0}.message,.note{break-inside:avoid}}`;

function formatters(timeZone: string) {
  const at = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
  return {
    at: (value: Date | string) => escapeHtml(at.format(new Date(value))),
    day: (isoDate: string) => escapeHtml(day.format(new Date(`${isoDate}T00:00:00Z`))),
  };
}

const section = (title: string, empty: string, items: string[], body: (items: string[]) => string) =>
  `<section><h2>${escapeHtml(title)}</h2>${items.length ? body(items) : `<p>${escapeHtml(empty)}</p>`}</section>`;

const table = (headers: string[], rows: string[]) =>
  `<table><thead><tr>${headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

export function recordHtml(record: ClientRecord): string {
  const { client } = record;
  const profile = client.profile;
  const zone = profile?.timeZone ?? 'UTC';
  const f = formatters(zone);
  const names = new Map(practitionersOf(record).flatMap((m) => (m.userId ? [[m.userId, providerNameOf(m)] as const] : [])));
  const senderOf = (m: Message) => (m.senderRole === 'client' ? client.name : (names.get(m.senderId) ?? m.senderName));

  const details = [
    ['Name', escapeHtml(client.name)],
    ['Email', escapeHtml(client.email)],
    ...(profile?.dateOfBirth ? [['Date of birth', f.day(profile.dateOfBirth)]] : []),
    ...(profile?.state ? [['State', escapeHtml(profile.state)]] : []),
    ...(profile?.languages.length
      ? [['Languages', escapeHtml(profile.languages.map((l) => languageNames.of(l.code) ?? l.code).join(', '))]]
      : []),
    ['Times shown in', escapeHtml(zone)],
  ];

  const careTeam = record.careTeam.map(
    (m) =>
      `<tr><td>${escapeHtml(providerNameOf(m))}${m.credentials.length ? `, ${escapeHtml(m.credentials.join(', '))}` : ''}</td><td>${f.at(m.startedAt)}</td><td>${m.endedAt ? f.at(m.endedAt) : 'Now'}</td></tr>`,
  );
  const sessions = record.sessions.map(
    (s) =>
      `<tr><td>${f.at(s.startsAt)}</td><td>${s.lengthMinutes} min</td><td>${escapeHtml(modalityNames[s.currentModality])}</td><td>${escapeHtml(s.providerName)}</td><td>${escapeHtml(statusNames[s.status])}</td></tr>`,
  );
  const screeners = record.screeners.map(
    (r) =>
      `<tr><td>${f.at(r.takenAt)}</td><td>${escapeHtml(instrumentNames[r.instrument])}</td><td>${r.total}</td><td>${escapeHtml(bandNames[r.band])}</td></tr>`,
  );
  const sessionStarts = new Map(record.sessions.map((s) => [s.id, s.startsAt]));
  const notes = record.notes.map((n) => {
    const start = sessionStarts.get(n.sessionId);
    const fields = (Object.keys(noteFieldNames) as Array<keyof typeof noteFieldNames>)
      .map((field) => `<h4>${escapeHtml(noteFieldNames[field])}</h4><p>${prose(n.fields[field] || '—')}</p>`)
      .join('');
    const amendments = n.amendments
      .map(
        (a) =>
          `<h4>Amendment, ${f.at(a.signedAt)}, ${escapeHtml(a.signature)}</h4><p>${prose(a.text)}</p><p class="meta">Reason: ${prose(a.reason)}</p>`,
      )
      .join('');
    return `<article class="note"><h3>Session${start ? ` of ${f.at(start)}` : ''}</h3>${fields}<p class="meta">${n.minutes} minutes${n.cptCode ? ` · CPT ${escapeHtml(n.cptCode)}` : ''} · signed by ${escapeHtml(n.signature)} on ${f.at(n.signedAt)}</p>${amendments}</article>`;
  });
  const messages = record.messages.map((m) => {
    const body = m.attachment
      ? `<p>[${escapeHtml(m.kind)}${m.attachment.filename ? `: ${escapeHtml(m.attachment.filename)}` : ''}, ${escapeHtml(m.attachment.contentType)}, ${m.attachment.size} bytes — open it in Haven]</p>`
      : `<p>${prose(m.text ?? '')}</p>`;
    return `<div class="message ${m.senderRole}"><p class="meta"><strong>${escapeHtml(senderOf(m))}</strong> · ${f.at(m.sentAt)}</p>${body}</div>`;
  });

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Haven record of ${escapeHtml(client.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>Your Haven record</h1><p class="meta">${escapeHtml(client.name)} · made ${f.at(record.generatedAt)}</p></header>
<main>
<section><h2>Your details</h2><dl>${details.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl></section>
${section('Care team', 'No provider has cared for you yet.', careTeam, (rows) => table(['Provider', 'From', 'Until'], rows))}
${section('Sessions', 'You have no live sessions.', sessions, (rows) => table(['When', 'Length', 'How', 'Provider', 'Status'], rows))}
${section('Questionnaires', 'No questionnaire results.', screeners, (rows) => table(['Taken', 'Questionnaire', 'Score', 'Severity'], rows))}
${section('Progress notes', 'No signed progress notes.', notes, (items) => items.join(''))}
${section('Messages', 'No messages.', messages, (items) => items.join(''))}
</main>
<footer><p class="meta">Psychotherapy notes a provider keeps for themselves are not part of your record and are not in this file.</p></footer>
</body>
</html>
`;
}
