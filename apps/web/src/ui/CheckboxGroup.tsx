import { ChoiceFieldset, ChoiceItem, type Choice, type ChoiceGroupProps } from './ChoiceParts.tsx';

export type { Choice } from './ChoiceParts.tsx';

type CheckboxGroupProps<V extends string | number> = ChoiceGroupProps & {
  choices: readonly Choice<V>[];
  selected: readonly V[];
  onChange: (selected: V[]) => void;
  /** Lays long lists out in columns on wider screens. */
  columns?: boolean;
};

/** Any number of answers from a list; each checkbox's id is `${id}-${value}`. */
export function CheckboxGroup<V extends string | number>({
  choices,
  selected,
  onChange,
  columns = false,
  ...group
}: CheckboxGroupProps<V>) {
  function toggle(value: V, checked: boolean) {
    const next = new Set(selected);
    if (checked) next.add(value);
    else next.delete(value);
    // Keep the order the choices are shown in; anything selected but not shown stays, at the end.
    const shown = choices.map((choice) => choice.value);
    const notShown = selected.filter((value) => !shown.includes(value));
    onChange([...shown, ...notShown].filter((value) => next.has(value)));
  }

  return (
    <ChoiceFieldset {...group} layout={columns ? 'columns' : undefined}>
      {choices.map((choice) => (
        <ChoiceItem
          key={choice.value}
          groupId={group.id}
          type="checkbox"
          choice={choice}
          checked={selected.includes(choice.value)}
          onChange={(checked) => toggle(choice.value, checked)}
        />
      ))}
    </ChoiceFieldset>
  );
}
