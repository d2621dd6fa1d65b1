import type { ProviderInvite } from '@haven/contract';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browserTimeZone, formatDateTime } from '../../time/formatting.ts';
import { Button, StatusMessage, TextField } from '../../ui/index.ts';

type CopyState = 'idle' | 'copied' | 'failed';

/** The one-time invitation link, shown once, with a button to copy it. */
export function InvitationLink({ invite, onAnother }: { invite: ProviderInvite; onAnother: () => void }) {
  const { t, i18n } = useTranslation();
  const [copy, setCopy] = useState<CopyState>('idle');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const copyMessages: Record<CopyState, string | null> = {
    idle: null,
    copied: t('adminInvite.sent.copied'),
    failed: t('adminInvite.sent.copyFailed'),
  };

  // The form this replaces had focus; the outcome is what to read next.
  useEffect(() => headingRef.current?.focus(), []);

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(invite.link);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <section className="form__section" aria-labelledby="invitation-heading">
      <h2 id="invitation-heading" ref={headingRef} tabIndex={-1}>
        {t('adminInvite.sent.heading')}
      </h2>
      <p>
        {t('adminInvite.sent.body', {
          email: invite.email,
          date: formatDateTime(invite.expiresAt, browserTimeZone(), i18n.language),
        })}
      </p>
      <TextField
        id="invitation-link"
        label={t('adminInvite.sent.link')}
        value={invite.link}
        readOnly
        spellCheck={false}
        onFocus={(event) => event.currentTarget.select()}
      />
      <StatusMessage message={copyMessages[copy]} />
      <div className="form__actions">
        <Button onClick={() => void copyLink()}>{t('adminInvite.sent.copy')}</Button>
        <Button variant="secondary" onClick={onAnother}>
          {t('adminInvite.sent.another')}
        </Button>
      </div>
    </section>
  );
}
