/** A labelled group of radio buttons with field-level errors, and the error list shared by non-input fields. */

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={id}>
      {errors.join(' ')}
    </p>
  );
}

interface ChoiceProps {
  name: string;
  legend: string;
  value: string;
  options: { value: string; label: string; hint?: string }[];
  errors?: string[];
}

export function Choice({ name, legend, value, options, errors }: ChoiceProps) {
  const errorId = `${name}-error`;
  return (
    <fieldset className="choice" aria-describedby={errors?.length ? errorId : undefined}>
      <legend>{legend}</legend>
      <div className="choice-options">
        {options.map((o) => (
          <label key={o.value} className="choice-option">
            <input type="radio" name={name} value={o.value} defaultChecked={o.value === value} />
            <span>
              {o.label}
              {o.hint && <span className="hint"> {o.hint}</span>}
            </span>
          </label>
        ))}
      </div>
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
