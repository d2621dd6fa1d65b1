import { useTranslation } from 'react-i18next';
import { RadioGroup, type Choice } from '../../../ui/index.ts';
import { intakeFieldIds, screenerScores, type IntakeField, type ScreenerScore } from '../intakeDraft.ts';

type ScreenerItemsProps = {
  /** The items' texts, in order, already translated. */
  items: readonly string[];
  fieldOf: (number: number) => IntakeField;
  answers: readonly (ScreenerScore | null)[];
  onAnswer: (index: number, score: ScreenerScore) => void;
  errorFor: (field: IntakeField) => string | undefined;
};

/** A screener's items under its standard stem, each a group of the four published answers. */
export function ScreenerItems({ items, fieldOf, answers, onAnswer, errorFor }: ScreenerItemsProps) {
  const { t } = useTranslation();
  const choices = screenerScores.map((score): Choice<ScreenerScore> => ({ value: score, label: t(`intake.screener.answer.${score}`) }));

  return (
    <>
      <p className="screener__stem">{t('intake.screener.stem')}</p>
      <ol className="screener">
        {items.map((text, index) => {
          const field = fieldOf(index + 1);
          return (
            <li key={field} className="screener__item">
              <RadioGroup
                id={intakeFieldIds[field]}
                legend={t('intake.screener.item', { number: index + 1, text })}
                choices={choices}
                value={answers[index] ?? null}
                onChange={(score) => onAnswer(index, score)}
                error={errorFor(field)}
                inline
              />
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** The answers with one changed. */
export function withAnswer(answers: readonly (ScreenerScore | null)[], index: number, score: ScreenerScore) {
  return answers.map((answer, i) => (i === index ? score : answer));
}
