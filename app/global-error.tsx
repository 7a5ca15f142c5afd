'use client';

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem', textAlign: 'center' }}>
        <h1>Something went wrong</h1>
        <p>Your reviews are safe. Please try again.</p>
        <button onClick={reset}>Try again</button>
      </body>
    </html>
  );
}
