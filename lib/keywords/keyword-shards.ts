import type { Keyword, KeywordTerm, MatchField } from './keyword';

/**
 * How keywords sit in sync storage: one item per keyword (`kw:<handle>`) plus one order item
 * listing the handles. Chrome allows 8 KB per item, 100 KB in all and 512 items
 * (https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync); one item for
 * the whole list held about 33 keywords. Per item, an edit on one device rewrites only that
 * keyword, so an edit made on another device at the same time never tears the list: each keyword
 * is whole (the last writer wins), and the order is repaired on read (see `readKeywordList`).
 *
 * Sizes, as Chrome counts them (key plus JSON value, in UTF-8 bytes), for the worst case the
 * product promises: 200 keywords made from lines of text, with 36-character ids and labels at the
 * maximum of 200 characters. Each takes 283 bytes in the compact form below (617 as a plain
 * object, which would allow 165), so 200 take 59,217 bytes with the 2.7 KB order item. With
 * three more terms of 30 characters and two categories each, a keyword takes 412 bytes and 200
 * take 85,017: still under the 102,400, with room for the settings. Labels in scripts that take
 * two or three bytes a character cost more; the options page shows the room left and warns.
 */
export const KEYWORD_KEY_PREFIX = 'kw:';
export const KEYWORD_ORDER_KEY = 'keywordOrder';
/** The single item of versions 1 and 2, migrated on first read (with WXT's version beside it). */
export const LEGACY_KEYWORDS_KEY = 'keywords';
export const LEGACY_META_KEY = 'keywords$';

/** A keyword as stored: short keys, and what equals the default left out. */
export interface StoredKeyword {
  i: string;
  l: string;
  /**
   * Terms: a string is a phrase, `{ w }` loose words, 0 the label as a phrase (a label of 200
   * characters is not stored twice). Left out when the label as a phrase is the only term.
   */
  t?: Array<string | { w: string } | 0>;
  f?: MatchField;
  c?: string[];
  x?: string[];
  q?: string;
  /** 0 when switched off. */
  e?: 0;
  /** 0 when its notifications are off. */
  n?: 0;
  a: number;
}

const FIELDS: readonly MatchField[] = ['title-abstract', 'title', 'abstract', 'all', 'author'];

/** The compact stored form of a keyword; `unpackKeyword` gives the same keyword back. */
export function packKeyword(keyword: Keyword): StoredKeyword {
  // Built key by key so that the JSON keeps one order (`a` last); its byte count is what matters.
  const stored = { i: keyword.id, l: keyword.label } as StoredKeyword;
  const [only, ...more] = keyword.terms;
  const labelOnly = more.length === 0 && only?.mode === 'phrase' && only.text === keyword.label;
  if (!labelOnly) stored.t = keyword.terms.map(packTerm(keyword.label));
  if (keyword.field !== 'title-abstract') stored.f = keyword.field;
  if (keyword.categories.length > 0) stored.c = [...keyword.categories];
  if (keyword.exclude.length > 0) stored.x = [...keyword.exclude];
  if (keyword.rawQuery !== undefined) stored.q = keyword.rawQuery;
  if (!keyword.enabled) stored.e = 0;
  if (!keyword.notify) stored.n = 0;
  stored.a = keyword.createdAt;
  return stored;
}

function packTerm(label: string) {
  return (term: KeywordTerm): string | { w: string } | 0 =>
    term.mode === 'words' ? { w: term.text } : term.text === label ? 0 : term.text;
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function unpackTerm(label: string, term: unknown): KeywordTerm | undefined {
  if (term === 0) return { text: label, mode: 'phrase' };
  if (typeof term === 'string') return { text: term, mode: 'phrase' };
  const words = (term as { w?: unknown } | null)?.w;
  return typeof words === 'string' ? { text: words, mode: 'words' } : undefined;
}

/**
 * The keyword a stored item holds, or undefined when the item is not one (written by a newer or
 * broken version): such an item is left alone, never half read.
 */
export function unpackKeyword(value: unknown): Keyword | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Record<string, unknown>;
  if (typeof s.i !== 'string' || typeof s.l !== 'string' || typeof s.a !== 'number') return undefined;
  const label = s.l;
  const terms =
    s.t === undefined
      ? [{ text: label, mode: 'phrase' as const }]
      : Array.isArray(s.t)
        ? s.t.map((t) => unpackTerm(label, t))
        : undefined;
  if (!terms || terms.some((t) => t === undefined)) return undefined;
  const field = (s.f ?? 'title-abstract') as MatchField;
  if (!FIELDS.includes(field)) return undefined;
  const categories = s.c ?? [];
  const exclude = s.x ?? [];
  if (!isStrings(categories) || !isStrings(exclude)) return undefined;
  if (s.q !== undefined && typeof s.q !== 'string') return undefined;
  return {
    id: s.i,
    label: s.l,
    terms: terms as KeywordTerm[],
    field,
    categories,
    exclude,
    ...(s.q === undefined ? {} : { rawQuery: s.q }),
    enabled: s.e !== 0,
    notify: s.n !== 0,
    createdAt: s.a,
  };
}

/**
 * A short, stable name for a keyword's item, from its id: 53 bits of the cyrb53 hash (public
 * domain, https://github.com/bryc/code/blob/master/jshash/experimental/cyrb53.js) in base 36.
 * Ids may be long (a backup's ids are any text), handles are at most 11 characters, which keeps
 * the order item at 2.8 KB for 200 keywords. The same id gives the same handle on every device, so
 * two devices migrating or importing the same keyword write the same item instead of two.
 * `salt` picks another handle when two ids collide on one device.
 */
export function keywordHandle(id: string, salt = 0): string {
  return shortHash(id, salt);
}

/**
 * A 53-bit hash of a text in base 36 (cyrb53): keyword handles, and the signature of a check's
 * group of keywords (lib/check/heard.ts). A hashing library would bring much more than these lines.
 */
export function shortHash(text: string, salt = 0): string {
  let h1 = 0xdeadbeef ^ salt;
  let h2 = 0x41c6ce57 ^ salt;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The keywords as stored, in order, with the handle of each one's item. */
export interface KeywordShards {
  keywords: Keyword[];
  handles: string[];
}

/**
 * The list that sync storage holds. Items arrive from other devices one by one, and two devices
 * may write at once, so the order item can name a keyword that is gone (skipped), miss one that
 * is there (appended, oldest first, then by id, the same on every device) or name one twice (the
 * first place counts). Two items holding the same id (two devices' handles for it) give one
 * keyword: the one the order lists, else the one with the smaller handle.
 */
export function readKeywordList(items: Readonly<Record<string, unknown>>): KeywordShards {
  const byHandle = new Map<string, Keyword>();
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(KEYWORD_KEY_PREFIX)) continue;
    const keyword = unpackKeyword(value);
    if (keyword) byHandle.set(key.slice(KEYWORD_KEY_PREFIX.length), keyword);
  }
  const order = isStrings(items[KEYWORD_ORDER_KEY]) ? items[KEYWORD_ORDER_KEY] : [];
  const listed = order.filter((handle) => byHandle.has(handle));
  const rest = [...byHandle.keys()]
    .filter((handle) => !order.includes(handle))
    .sort(
      (a, b) =>
        byHandle.get(a)!.createdAt - byHandle.get(b)!.createdAt ||
        compare(byHandle.get(a)!.id, byHandle.get(b)!.id) ||
        compare(a, b),
    );
  const shards: KeywordShards = { keywords: [], handles: [] };
  const seen = new Set<string>();
  for (const handle of [...listed, ...rest]) {
    const keyword = byHandle.get(handle)!;
    if (seen.has(keyword.id)) continue;
    seen.add(keyword.id);
    shards.keywords.push(keyword);
    shards.handles.push(handle);
  }
  return shards;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The items that store exactly this list (for seeding a profile, and for a first write). */
export function keywordItems(keywords: readonly Keyword[]): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  const handles = assignHandles(keywords, new Map());
  keywords.forEach((keyword, index) => (items[KEYWORD_KEY_PREFIX + handles[index]] = packKeyword(keyword)));
  items[KEYWORD_ORDER_KEY] = handles;
  return items;
}

/**
 * A handle for each keyword: the one it is stored under (from `known`, id → handle of every
 * stored keyword), else its own hash, salted until no other keyword has it.
 */
export function assignHandles(keywords: readonly Keyword[], known: ReadonlyMap<string, string>): string[] {
  // Every stored handle is taken, also those of keywords this write removes.
  const taken = new Map<string, string>([...known].map(([id, handle]) => [handle, id]));
  return keywords.map((keyword) => {
    const mine = known.get(keyword.id);
    if (mine !== undefined) return mine;
    let salt = 0;
    let handle = keywordHandle(keyword.id);
    while (taken.has(handle) && taken.get(handle) !== keyword.id) handle = keywordHandle(keyword.id, ++salt);
    taken.set(handle, keyword.id);
    return handle;
  });
}
