/**
 * Labelled textarea and select with hint and field errors wired for screen readers, matching
 * components/ui/field.tsx (which only renders <input>).
 */
import type { ComponentProps } from 'react';

interface Described {
  name: string;
  label: string;
  hint?: React.ReactNode;
  errors?: string[];
  id?: string;
}

function describedBy(id: string, hint: unknown, errors?: string[]) {
  return {
    hintId: hint ? `${id}-hint` : undefined,
    errorId: errors?.length ? `${id}-error` : undefined,
  };
}

export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <div id={id} data-testid="field-error">
      {errors.map((e) => (
        <p className="field-error" key={e}>
          {e}
        </p>
      ))}
    </div>
  );
}

export function TextAreaField({ name, label, hint, errors, id = name, ...rest }: Described & Omit<ComponentProps<'textarea'>, 'id' | 'name'>) {
  const { hintId, errorId } = describedBy(id, hint, errors);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined} {...rest} />
      {hint && <p className="hint" id={hintId}>{hint}</p>}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

export function SelectField({ name, label, hint, errors, id = name, children, ...rest }: Described & Omit<ComponentProps<'select'>, 'id' | 'name'>) {
  const { hintId, errorId } = describedBy(id, hint, errors);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined} {...rest}>
        {children}
      </select>
      {hint && <p className="hint" id={hintId}>{hint}</p>}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
