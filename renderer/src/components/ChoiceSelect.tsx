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

export function ChoiceSelect({ label, none, value, choices, onChange }: Props) {
  return (
    <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{none}</option>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
