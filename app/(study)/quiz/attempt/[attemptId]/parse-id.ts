/** An attempt id from the URL: a positive integer, or null (the page then answers 404). */
export function parseAttemptId(raw: string): number | null {
  if (!/^[1-9]\d{0,14}$/.test(raw)) return null;
  return Number(raw);
}
