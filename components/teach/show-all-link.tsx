/** "Show all N …" under a table that lists its first rows only. */
export function ShowAllLink({ href, count, noun, testId }: { href: string; count: number; noun: string; testId: string }) {
  return (
    <p style={{ margin: '0.75rem 0 0' }}>
      <a className="btn" href={href} data-testid={testId}>
        Show all {count} {noun}
      </a>
    </p>
  );
}
