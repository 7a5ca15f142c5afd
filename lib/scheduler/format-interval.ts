/**
 * Short, Anki-like labels for the time until a card is due again, shown on the
 * grade buttons ("<1m", "10m", "3h", "4d", "2mo", "1.2y").
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/**
 * Format a duration in milliseconds.
 * - under 1 minute → '<1m'
 * - under 1 hour → whole minutes ('6m')
 * - under 1 day → whole hours ('3h')
 * - under 30 days → whole days ('4d')
 * - under 1 year → whole 30-day months ('2mo')
 * - otherwise → 365-day years with one decimal ('1.2y'; a trailing '.0' is dropped: '2y')
 * Values are rounded to the nearest unit; a value that rounds up to the next
 * unit is shown in that unit (59.6 min → '1h', not '60m'). Negative → '<1m'.
 * @example formatInterval(10 * 60_000) // '10m'
 * @example formatInterval(438 * 86_400_000) // '1.2y'
 */
export function formatInterval(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE) return '<1m';
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  const days = Math.round(ms / DAY);
  if (days < 30) return `${days}d`;
  const months = Math.round(ms / MONTH);
  if (months < 12 && ms < YEAR) return `${months}mo`;
  const years = (Math.round((ms / YEAR) * 10) / 10).toFixed(1);
  return `${years.endsWith('.0') ? years.slice(0, -2) : years}y`;
}
