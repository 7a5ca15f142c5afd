/**
 * A short fingerprint of the FSRS weights a card state was computed with, kept in each review's
 * undo snapshot: when the weights in use have changed since (a fit or a pool was adopted and the
 * card states replayed), undo must not put back a state computed with the old ones.
 * FNV-1a over the weights' text; 'default' for the ts-fsrs defaults.
 * @example parametersKey(undefined) // 'default'
 */
export function parametersKey(weights: readonly number[] | null | undefined): string {
  if (!weights || weights.length === 0) return 'default';
  const text = weights.join(',');
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
