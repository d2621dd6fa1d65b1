import { useTranslation } from 'react-i18next';
import './Spinner.css';

type SpinnerProps = {
  /** What is loading, for screen readers; defaults to a plain "Loading". */
  label?: string;
};

export function Spinner({ label }: SpinnerProps) {
  const { t } = useTranslation();
  return (
    <div className="spinner" role="status">
      <span className="spinner__ring" aria-hidden="true" />
      <span className="visually-hidden">{label ?? t('common.loading')}</span>
    </div>
  );
}
