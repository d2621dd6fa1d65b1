import { usStateCodes, type ClientList, type UsStateCode } from '@haven/contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableScroll } from '../../../ui/index.ts';
import { useVocabulary } from '../../../vocabulary/useVocabulary.ts';

const isState = (code: string | null): code is UsStateCode => (usStateCodes as readonly (string | null)[]).includes(code);

type ClientResultsProps = { list: ClientList; q: string; busy: boolean };

export function ClientResults({ list, q, busy }: ClientResultsProps) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const count = list.clients.length;
  const caption = q ? t('partnersOps.clients.captionFor', { count, q }) : t('partnersOps.clients.caption', { count });

  if (count === 0) return <p>{q ? t('partnersOps.clients.noneFor', { q }) : t('partnersOps.clients.none')}</p>;
  return (
    <div aria-busy={busy || undefined}>
      <TableScroll label={caption}>
        <table className="table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('partnersOps.clients.columns.name')}</th>
              <th scope="col">{t('partnersOps.clients.columns.state')}</th>
              <th scope="col">{t('partnersOps.clients.columns.coverage')}</th>
            </tr>
          </thead>
          <tbody>
            {list.clients.map((client) => (
              <tr key={client.clientId}>
                <th scope="row">
                  <Link to={`/admin/clients/${client.clientId}`}>{client.name}</Link>
                  <span className="table__note">{client.email}</span>
                </th>
                <td>{isState(client.state) ? vocabulary.state(client.state) : t('partnersOps.clients.noState')}</td>
                <td>{client.coverage ? vocabulary.coverage(client.coverage) : t('partnersOps.clients.noCoverage')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
