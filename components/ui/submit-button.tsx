'use client';
/** A submit button that shows progress while its form's action runs. */
import { useFormStatus } from 'react-dom';

export function SubmitButton({ children, pendingLabel, className = 'btn btn-primary btn-block' }: { children: React.ReactNode; pendingLabel: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}
