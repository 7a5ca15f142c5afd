'use client';
/**
 * Runs a server action from a form's submit event. Unlike <form action={…}>, React does not reset
 * the fields afterwards, so what the instructor typed stays when the action answers with errors.
 */
import { startTransition, useActionState, type FormEvent } from 'react';
import type { ActionResult, ServerAction } from '@/lib/actions/result';

export function useActionForm<T>(action: ServerAction<T>) {
  const [state, dispatch, pending] = useActionState<ActionResult<T> | null, FormData | Record<string, unknown>>(action, null);
  const submit = (input: FormData | Record<string, unknown>) => startTransition(() => dispatch(input));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit(new FormData(event.currentTarget));
  };
  return {
    state,
    pending,
    submit,
    onSubmit,
    errors: state && !state.ok ? state.fieldErrors : undefined,
    error: state && !state.ok ? state.error : undefined,
    message: state?.ok && typeof state.data === 'string' ? state.data : undefined,
  };
}
