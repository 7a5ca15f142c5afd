/** "Last seen" wording for the list of signed-in devices: relative while recent, then a date. */
export function describeWhen(atMs: number, nowMs: number, timeZone: string): string {
  const ago = Math.max(0, nowMs - atMs);
  const minutes = Math.floor(ago / 60_000);
  if (minutes < 2) return 'just now';
  if (minutes < 60) return `${minutes} minutes ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  return `on ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(atMs)}`;
}
