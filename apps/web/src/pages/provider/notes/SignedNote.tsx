import type { ProgressNote } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../time/formatting.ts';
import { Alert, Badge, Card, Fact } from '../../../ui/index.ts';

type SignedNoteProps = { note: ProgressNote; timeZone: string };

/** A signed progress note, read-only, with the signature line under it. */
export function SignedNote({ note, timeZone }: SignedNoteProps) {
  const { t, i18n } = useTranslation();
  const sections = (['presentation', 'interventions', 'plan', 'risk'] as const).filter((field) => field !== 'risk' || note.risk);
  return (
    <Card title={t('notes.signed.heading')} headingId="note-signed" className="notes__signed">
      <p>
        <Badge tone="success">{t('notes.signed.badge')}</Badge> {t('notes.signed.locked')}
      </p>
      {!note.intact && <Alert tone="error">{t('notes.signed.notIntact')}</Alert>}
      {sections.map((field) => (
        <section key={field} className="notes__section" aria-labelledby={`signed-${field}`}>
          <h3 id={`signed-${field}`}>{t(`notes.form.${field}.label`)}</h3>
          <p className="notes__text">{note[field]}</p>
        </section>
      ))}
      <dl className="facts">
        <Fact term={t('notes.form.minutes.label')}>{t('notes.minutes', { count: note.minutes })}</Fact>
        <Fact term={t('notes.form.cpt.label')}>{note.cptCode ? t(`notes.cpt.${note.cptCode}`) : t('notes.form.cpt.notBillable')}</Fact>
      </dl>
      <p className="notes__signature">
        {t('notes.signed.signatureLine', {
          signature: note.signature ?? '',
          when: note.signedAt ? formatDateTime(note.signedAt, timeZone, i18n.language) : '',
        })}
      </p>
    </Card>
  );
}
