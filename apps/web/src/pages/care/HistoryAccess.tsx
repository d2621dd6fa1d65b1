import type { CareTeamMember } from '@haven/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHistoryAccess } from '../../api/care.ts';
import { Alert, CheckboxField } from '../../ui/index.ts';

type HistoryAccessProps = { member: CareTeamMember; onChanged: (message: string) => void };

/** The client's standing decision: may the current provider read the conversation from before them? */
export function HistoryAccess({ member, onChanged }: HistoryAccessProps) {
  const { t } = useTranslation();
  const change = useHistoryAccess();
  // The box follows the click at once; it goes back if the change cannot be saved.
  const [allowed, setAllowed] = useState(member.mayReadEarlierConversation);
  const name = member.provider.firstName;

  function toggle(mayReadEarlierConversation: boolean) {
    if (change.isPending) return;
    setAllowed(mayReadEarlierConversation);
    change.mutate(
      { assignmentId: member.assignmentId, mayReadEarlierConversation },
      {
        onSuccess: () => onChanged(t(mayReadEarlierConversation ? 'care.history.allowed' : 'care.history.notAllowed', { name })),
        onError: () => setAllowed(!mayReadEarlierConversation),
      },
    );
  }

  return (
    <section className="care__section" aria-labelledby="care-history-heading">
      <h2 id="care-history-heading">{t('care.history.heading')}</h2>
      {change.isError && (
        <Alert tone="error">
          <p>{t(`errors.${change.error.code}`)}</p>
        </Alert>
      )}
      <CheckboxField
        id="care-history-access"
        label={t('care.history.label', { name })}
        hint={t('care.history.hint')}
        checked={allowed}
        onChange={toggle}
      />
    </section>
  );
}
