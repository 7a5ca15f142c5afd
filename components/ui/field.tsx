/** A labelled input with its hint and field-level errors wired up for screen readers. */
import type { InputHTMLAttributes } from 'react';

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
}

export function Field({ name, label, hint, errors, id = name, ...input }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...input}
      />
      {hint && <p className="hint" id={hintId}>{hint}</p>}
      {errors?.map((e) => (
        <p className="field-error" id={errorId} key={e}>
          {e}
        </p>
      ))}
    </div>
  );
}
