import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiFailure } from '../api/client.ts';
import { Alert, Button } from '../ui/index.ts';

type LoadFailedProps = {
  failure: ApiFailure;
  onRetry: () => void;
  /** What could not be loaded, said before the reason. */
  what?: ParseKeys;
  /** Whether this block is the page's only content, and so carries its h1. */
  asPage?: boolean;
};

/** Says that something could not be loaded, why, and offers to try again. */
export function LoadFailed({ failure, onRetry, what = 'home.loadFailed', asPage = true }: LoadFailedProps) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      {asPage && <h1>{t('errorPage.heading')}</h1>}
      <Alert tone="error">
        <p>{t(what)}</p>
        <p>{t(`errors.${failure.code}`)}</p>
      </Alert>
      <Button variant="secondary" onClick={onRetry}>
        {t('common.tryAgain')}
      </Button>
    </div>
  );
}
