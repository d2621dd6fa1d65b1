import { ChoiceFieldset, ChoiceItem, type Choice, type ChoiceGroupProps } from './ChoiceParts.tsx';

type RadioGroupProps<V extends string | number> = ChoiceGroupProps & {
  choices: readonly Choice<V>[];
  /** The chosen value, or null while nothing is chosen. */
  value: V | null;
  onChange: (value: V) => void;
  /** Lays short answers side by side on wider screens (a rating scale, say). */
  inline?: boolean;
};

/** One answer from a few; the fieldset's id is also the radios' name, and each radio is `${id}-${value}`. */
export function RadioGroup<V extends string | number>({ choices, value, onChange, inline = false, ...group }: RadioGroupProps<V>) {
  return (
    <ChoiceFieldset {...group} layout={inline ? 'inline' : undefined}>
      {choices.map((choice) => (
        <ChoiceItem
          key={choice.value}
          groupId={group.id}
          type="radio"
          choice={choice}
          checked={value === choice.value}
          onChange={(checked) => {
            if (checked) onChange(choice.value);
          }}
        />
      ))}
    </ChoiceFieldset>
  );
}
