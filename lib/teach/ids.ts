/** Route parameters that must be positive integer ids: anything else is "not found", never an error. */

/**
 * @example parseId('12') // 12
 * @example parseId('12abc') // null
 */
export function parseId(raw: string | string[] | undefined): number | null {
  if (typeof raw !== 'string' || !/^[1-9]\d{0,14}$/.test(raw)) return null;
  return Number(raw);
}
