// The shape of every id in the content format (deck, section, item, tag).
// Its own module so code bundled for the browser can use it without zod.
export const SLUG_RE = /^[a-z0-9][a-z0-9-]*$/;
