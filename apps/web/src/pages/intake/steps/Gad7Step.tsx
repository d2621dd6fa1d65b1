import { useTranslation } from 'react-i18next';
import { gad7Numbers, type IntakeField } from '../intakeDraft.ts';
import { ScreenerItems, withAnswer } from './ScreenerItems.tsx';
import type { IntakeStepProps } from './stepProps.ts';

export function Gad7Step({ draft, update, errorFor }: IntakeStepProps) {
  const { t } = useTranslation();
  const items = gad7Numbers.map((number) => t(`intake.gad7.items.${number}`));

  return (
    <ScreenerItems
      items={items}
      fieldOf={(number) => `gad7-${number}` as IntakeField}
      answers={draft.gad7}
      onAnswer={(index, score) => update({ gad7: withAnswer(draft.gad7, index, score) })}
      errorFor={errorFor}
    />
  );
}
