// A labelled drop-down whose first choice means "no choice" (every status, all labels…): the
// shape of every filter in the window.
export interface Choice {
  value: string;
  label: string;
}

interface Props {
  /** The accessible name ("Filter by status"). */
  label: string;
  /** What the empty value reads as ("Every status"). */
  none: string;
  value: string;
  choices: readonly Choice[];
  onChange(value: string): void;
}

/** A select is as wide as its longest choice: a long speaker or document name is cut, whole in its tooltip. */
export const CHOICE_LENGTH = 26;

export function shortChoice(label: string): string {
  return label.length > CHOICE_LENGTH ? `${label.slice(0, CHOICE_LENGTH - 1).trimEnd()}…` : label;
}

export function ChoiceSelect({ label, none, value, choices, onChange }: Props) {
  const chosen = choices.find((choice) => choice.value === value);
  return (
    <select aria-label={label} value={value} title={chosen && chosen.label !== shortChoice(chosen.label) ? chosen.label : undefined} onChange={(event) => onChange(event.target.value)}>
      <option value="">{none}</option>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value} title={choice.label === shortChoice(choice.label) ? undefined : choice.label}>
          {shortChoice(choice.label)}
        </option>
      ))}
    </select>
  );
}
