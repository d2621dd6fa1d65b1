import type { LicenceStatus, ProviderStatus } from '@haven/contract';
import { Badge, type BadgeTone } from '../ui/index.ts';
import { useVocabulary } from './useVocabulary.ts';

const providerTones: Record<ProviderStatus, BadgeTone> = {
  invited: 'neutral',
  onboarding: 'info',
  active: 'success',
  inactive: 'warning',
};

const licenceTones: Record<LicenceStatus, BadgeTone> = {
  pending: 'warning',
  verified: 'success',
  rejected: 'danger',
  expired: 'danger',
};

export function ProviderStatusBadge({ status }: { status: ProviderStatus }) {
  const vocabulary = useVocabulary();
  return <Badge tone={providerTones[status]}>{vocabulary.providerStatus(status)}</Badge>;
}

export function LicenceStatusBadge({ status }: { status: LicenceStatus }) {
  const vocabulary = useVocabulary();
  return <Badge tone={licenceTones[status]}>{vocabulary.licenceStatus(status)}</Badge>;
}
