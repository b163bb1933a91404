import type { ReactNode } from 'react';

export interface Choice<V extends string> {
  value: V;
  label: string;
  description?: ReactNode;
}

interface ChoiceFieldsetProps<V extends string> {
  idBase: string;
  legend: string;
  name: string;
  value: V;
  choices: Choice<V>[];
  onChange(value: V): void;
}

/** Radio buttons in a fieldset; each choice's explanation is tied to its radio, and the label is a full-height target. */
export function ChoiceFieldset<V extends string>({ idBase, legend, name, value, choices, onChange }: ChoiceFieldsetProps<V>) {
  return (
    <fieldset className="form-fieldset">
      <legend className="form-label">{legend}</legend>
      {choices.map((choice) => {
        const id = `${idBase}-${choice.value}`;
        return (
          <div key={choice.value} className="choice">
            <input
              id={id}
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              aria-describedby={choice.description ? `${id}-description` : undefined}
              onChange={() => onChange(choice.value)}
            />
            <label htmlFor={id} className="choice__label">
              {choice.label}
            </label>
            {choice.description && (
              <p id={`${id}-description`} className="choice__description">
                {choice.description}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
