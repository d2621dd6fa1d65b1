import { useTranslation } from 'react-i18next';
import { CheckboxField, RadioGroup, type Choice } from '../../../ui/index.ts';
import {
  asksDifficulty,
  intakeFieldIds as ids,
  phq9Numbers,
  screenerScores,
  type IntakeField,
  type ScreenerScore,
} from '../intakeDraft.ts';
import { ScreenerItems, withAnswer } from './ScreenerItems.tsx';
import type { IntakeStepProps } from './stepProps.ts';

type Phq9StepProps = IntakeStepProps & {
  /** Called the moment "I am in crisis" is ticked, so the flag is saved before anything else. */
  onCrisis: () => void;
};

export function Phq9Step({ draft, update, errorFor, onCrisis }: Phq9StepProps) {
  const { t } = useTranslation();
  const items = phq9Numbers.map((number) => t(`intake.phq9.items.${number}`));
  const difficultyChoices = screenerScores.map((score): Choice<ScreenerScore> => ({
    value: score,
    label: t(`intake.phq9.difficultyAnswer.${score}`),
  }));

  return (
    <>
      <ScreenerItems
        items={items}
        fieldOf={(number) => `phq9-${number}` as IntakeField}
        answers={draft.phq9}
        onAnswer={(index, score) => update({ phq9: withAnswer(draft.phq9, index, score) })}
        errorFor={errorFor}
      />
      {asksDifficulty(draft) && (
        <div className="screener__item">
          <RadioGroup
            id={ids.phq9Difficulty}
            legend={t('intake.phq9.difficulty')}
            choices={difficultyChoices}
            value={draft.phq9Difficulty}
            onChange={(phq9Difficulty) => update({ phq9Difficulty })}
            error={errorFor('phq9Difficulty')}
            inline
          />
        </div>
      )}
      <section className="screener__crisis" aria-labelledby="intake-crisis-heading">
        <h2 id="intake-crisis-heading">{t('intake.phq9.crisisLegend')}</h2>
        <CheckboxField
          id={ids.inCrisis}
          label={t('intake.phq9.crisis')}
          hint={t('intake.phq9.crisisHint')}
          checked={draft.inCrisis}
          onChange={(inCrisis) => {
            update({ inCrisis });
            if (inCrisis) onCrisis();
          }}
          error={errorFor('inCrisis')}
        />
      </section>
    </>
  );
}
