/** The message at the top of a form after a submit: an error, or a confirmation. */
export function FormAlert({ error, message }: { error?: string; message?: string }) {
  if (error) {
    return (
      <div className="alert" role="alert" data-testid="form-error">
        {error}
      </div>
    );
  }
  if (message) {
    return (
      <div className="alert alert-ok" role="status" data-testid="form-ok">
        {message}
      </div>
    );
  }
  return null;
}
