'use client';
/** Copies a join code or link to the clipboard and says so (politely, for screen readers). */
import { useState } from 'react';

export function CopyButton({ text, label, testId }: { text: string; label: string; testId: string }) {
  const [message, setMessage] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setMessage('Copied');
    } catch {
      setMessage('Copy failed: select the text and copy it');
    }
  };
  return (
    <span className="row" style={{ gap: '0.5rem' }}>
      <button type="button" className="btn btn-small" onClick={copy} data-testid={testId}>
        {label}
      </button>
      <span role="status" className="small muted">
        {message}
      </span>
    </span>
  );
}
