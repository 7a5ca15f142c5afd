/**
 * Does a server action's body decode? React sends a fetch action's arguments as a "reply": one
 * JSON text, or multipart fields where the numbered ones ("0" is the root) are JSON and a string
 * starting with `$` is a tag, many of them references to another part by hex id, optionally with
 * a path (`$1`, `$1:a:0`, `$@2`, `$Q3`, `$W4`, `$i5`, `$B6`). Next.js decodes the body with
 * React's `decodeReply` before any of our code runs, and answers 500 when it throws (a part that
 * is not there, a Map built from something that is not a list, a Blob that is a string, a cycle
 * in a Map), with no hook to catch it. Next.js decodes the body as it streams in (busboy), so a
 * part is decoded when it arrives and may only refer to parts sent before it (React's client sends
 * a part's dependencies first, and the root "0" last). So the proxy models the decoder and refuses
 * a body whose references do not resolve to an earlier part of the right kind, which also rules
 * out every cycle. The model is deliberately stricter than
 * React: kinds no action of ours takes (streams, typed arrays, server and temporary references)
 * are refused outright. Whatever it accepts, React decodes.
 */

/** Upper bounds that keep the walk cheap; React's own reply format never comes near them. */
const MAX_PARTS = 1000;
const MAX_DEPTH = 64;

type Verdict = { ok: true; value: unknown } | { ok: false };
const REFUSED: Verdict = { ok: false };

// Tags whose value needs no other part: `$$…` an escaped string, undefined, Infinity, -Infinity/-0,
// NaN, a date, a FormData made of the `_<id>_` fields (never fails), an unresolved server hint.
const SELF_CONTAINED = new Set(['$', 'u', 'I', '-', 'N', 'D', 'K', 'H']);
// Tags that build a collection from a list in another part, once each.
const COLLECTIONS = new Set(['Q', 'W', 'i']);
// Tags we refuse whatever they point to: server references, temporary references, streams,
// async iterables and typed arrays (none of our actions takes them).
const REFUSED_TAGS = new Set(['h', 'T', 'R', 'r', 'X', 'x', 'A', 'O', 'o', 'U', 'S', 's', 'L', 'l', 'G', 'g', 'M', 'm', 'V']);

const isPlainContainer = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype);

class Reply {
  private readonly json = new Map<number, string>();
  private readonly files = new Set<number>();
  /** Where each numbered field came in the body. */
  private readonly position = new Map<number, number>();
  private readonly parsed = new Map<number, unknown>();
  /** Each part is decoded once however often it is referenced (as in React), so walked once: no blow-up. */
  private readonly walked = new Map<number, boolean>();
  private readonly consumed = new Set<string>();
  /** The position of the part being walked; undefined before the root, which may refer to any earlier part. */
  private current: number | undefined;
  /** Parts being walked, for an unordered reply (a no-JS form post is decoded whole): re-entering one is a cycle. */
  private readonly walking = new Set<number>();
  /** The part being walked and where in it the walk is (keys from its root), for references into that same part. */
  private currentId: number | undefined;
  private here: string[] = [];

  /** `ordered`: decoded as it streams (a fetch action), so references must point back. */
  constructor(private readonly ordered = true) {}

  /** False when a numbered field is malformed or there are too many. */
  load(fields: Iterable<[string, unknown]>): boolean {
    let count = 0;
    for (const [name, value] of fields) {
      if (!/^\d+$/.test(name)) continue;
      if (++count > MAX_PARTS || name.length > 6) return false;
      const id = Number(name);
      if (this.position.has(id)) return false; // one part, one field
      this.position.set(id, count);
      if (typeof value === 'string') this.json.set(id, value);
      else this.files.add(id);
    }
    return true;
  }

  /** The root part, checked with everything it references. */
  root(): boolean {
    return this.part(0).ok;
  }

  /** Every numbered JSON field must parse, referenced or not (as before this model existed). */
  allParse(): boolean {
    for (const id of this.json.keys()) if (this.parse(id) === undefined) return false;
    return true;
  }

  private parse(id: number): unknown {
    if (this.parsed.has(id)) return this.parsed.get(id);
    const text = this.json.get(id);
    if (text === undefined) return undefined;
    try {
      const value = JSON.parse(text) as unknown;
      this.parsed.set(id, value);
      return value;
    } catch {
      return undefined;
    }
  }

  /** True when part `id` came before the part being walked (anything sent counts before the root's turn). */
  private earlier(id: number): boolean {
    const at = this.position.get(id);
    if (!this.ordered) return at !== undefined && !this.walking.has(id);
    return at !== undefined && (this.current === undefined || at < this.current);
  }

  /** A JSON part by id, sent before the part that refers to it; walked with what it refers to. */
  private part(id: number): Verdict {
    if (!this.json.has(id) || !this.earlier(id)) return REFUSED;
    const value = this.parse(id);
    if (value === undefined) return REFUSED;
    let ok = this.walked.get(id);
    if (ok === undefined) {
      const outer = { current: this.current, id: this.currentId, here: this.here };
      this.current = this.position.get(id);
      this.currentId = id;
      this.here = [];
      this.walking.add(id);
      ok = this.walk(value, 0);
      this.walking.delete(id);
      this.current = outer.current;
      this.currentId = outer.id;
      this.here = outer.here;
      this.walked.set(id, ok);
    }
    return ok ? { ok: true, value } : REFUSED;
  }

  private walk(value: unknown, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    if (typeof value === 'string') return this.tag(value);
    if (value && typeof value === 'object') {
      // A plain loop, not every() with a closure: a chain of a thousand parts recurses through here.
      const record = value as Record<string, unknown>;
      for (const key in record) {
        if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
        this.here.push(key);
        if (!this.walk(record[key], depth + 1)) return false;
        this.here.pop();
      }
    }
    return true;
  }

  private tag(text: string): boolean {
    if (!text.startsWith('$')) return true;
    const kind = text[1] ?? '';
    if (SELF_CONTAINED.has(kind)) return true;
    if (kind === 'n') return /^-?\d{1,300}$/.test(text.slice(2)); // BigInt; React refuses over 300 digits
    if (REFUSED_TAGS.has(kind)) return false;
    if (kind === 'B') {
      const id = hexId(text.slice(2));
      return id !== null && this.files.has(id) && this.earlier(id); // the Blob itself is a file field
    }
    if (kind === '@') {
      const id = hexId(text.slice(2));
      return id !== null && this.part(id).ok; // a promise of that part
    }
    if (COLLECTIONS.has(kind)) return this.collection(kind, text.slice(2));
    return this.reference(text.slice(1)).ok;
  }

  /** `$Q`/`$W`/`$i`: a Map, Set or iterator made once from a list; a Map's items are pairs. */
  private collection(kind: string, ref: string): boolean {
    const target = this.reference(ref);
    if (!target.ok || !Array.isArray(target.value) || this.consumed.has(ref)) return false;
    this.consumed.add(ref);
    return kind !== 'Q' || target.value.every((entry) => Array.isArray(entry));
  }

  /**
   * `id[:key[:key…]]`: a part, then own properties of plain objects and lists within it. React
   * writes an object that occurs twice in one argument list as a path to its first place in the
   * same part (`$0:0:data:rows:0:notes`, e.g. an action state sent back with a list two rows
   * share): a path into the part being walked is sound unless it leads to an ancestor of the
   * reference itself, which would make a cycle.
   */
  private reference(ref: string): Verdict {
    const [head = '', ...path] = ref.split(':');
    const id = hexId(head);
    if (id === null) return REFUSED;
    const intoSelf = path.length > 0 && id === this.currentId && this.ordered;
    if (intoSelf && path.every((key, i) => this.here[i] === key)) return REFUSED;
    const target = intoSelf ? { ok: true as const, value: this.parse(id) } : this.part(id);
    if (!target.ok) return REFUSED;
    let value = target.value;
    for (const key of path) {
      if (!isPlainContainer(value) || !Object.prototype.hasOwnProperty.call(value, key)) return REFUSED;
      value = value[key];
      // A step onto another reference would need that reference resolved first: not needed by us.
      if (typeof value === 'string' && value.startsWith('$') && !value.startsWith('$$')) return REFUSED;
    }
    return { ok: true, value };
  }
}

/** A part id as React writes it: hex, small enough to be one of the parts we allow. */
function hexId(text: string): number | null {
  if (!/^[0-9a-f]{1,4}$/i.test(text)) return null;
  const id = parseInt(text, 16);
  return id < MAX_PARTS ? id : null;
}

/** True when a reply's numbered fields (name, value) decode: every reference lands on a part of the right kind. */
export function replyDecodes(fields: Iterable<[string, unknown]>, ordered = true): boolean {
  const reply = new Reply(ordered);
  return reply.load(fields) && reply.allParse() && reply.root();
}

const parseOrNull = (text: unknown): unknown => {
  try {
    return typeof text === 'string' ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
};

/**
 * A form posted without JavaScript names its action with `$ACTION_REF_<n>` and carries the action's
 * bound arguments as a reply in fields prefixed `$ACTION_<n>:` (part 0: `{ id, bound: "$@1" }`,
 * part 1: the list of arguments), decoded whole by React's decodeAction, which throws (a 500) on
 * a dangling reference just as a fetch action does. True when every such reply decodes; a post with
 * none (`$ACTION_ID_<id>` alone, or no action) has nothing to check here.
 */
export function boundFormActionDecodes(fields: Iterable<[string, unknown]>): boolean {
  const entries = [...fields];
  for (const [name] of entries) {
    const ref = /^\$ACTION_REF_(.*)$/s.exec(name);
    if (!ref) continue;
    const prefix = `$ACTION_${ref[1]}:`;
    const reply = entries.filter(([n]) => n.startsWith(prefix)).map(([n, v]): [string, unknown] => [n.slice(prefix.length), v]);
    if (!replyDecodes(reply, false)) return false;
    const meta = parseOrNull(reply.find(([n]) => n === '0')?.[1]);
    if (typeof meta !== 'object' || meta === null || typeof (meta as { id?: unknown }).id !== 'string') return false;
    const bound = (meta as { bound?: unknown }).bound;
    if (bound === null || bound === undefined) continue;
    const hex = typeof bound === 'string' ? /^\$@([0-9a-f]{1,4})$/i.exec(bound)?.[1] : undefined;
    if (hex === undefined) return false;
    const args = parseOrNull(reply.find(([n]) => n === String(parseInt(hex, 16)))?.[1]);
    if (!Array.isArray(args)) return false;
  }
  return true;
}
