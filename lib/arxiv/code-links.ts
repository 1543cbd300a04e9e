/**
 * Links to a paper's code found in its abstract or comment ("Code is available at
 * https://github.com/org/repo."). Feed text is untrusted, so only https links to a short list of
 * code hosts are kept, checked part by part; the popup opens them and contacts no other host.
 *
 * Hosts: the forges where papers put their code (GitHub, GitLab, Bitbucket, Codeberg, Gitee,
 * SourceForge) and the Hugging Face hub (models, datasets and demos). Left out on purpose:
 * project pages (`*.github.io`, any site at all), link shorteners, archives such as Zenodo (a
 * record may be data, slides or the paper itself; the DOI already links papers that have one).
 */
import type { ArxivEntry } from './types';

/** At most this many links per paper: the first ones are the paper's own, later ones cite others. */
export const MAX_CODE_LINKS = 3;

/**
 * How a host's paths name a project: the number of segments that do (`github.com/org/repo` → 2;
 * an owner alone, `github.com/org`, is a page of projects and is kept too), 0 when the path is
 * none. `reserved` first segments are the site's own pages.
 */
interface HostRule {
  project: (segments: readonly string[]) => number;
  reserved?: ReadonlySet<string>;
}

const ownerRepo = (segments: readonly string[]) => Math.min(segments.length, 2);
const FORGE_PAGES = ['about', 'explore', 'features', 'help', 'login', 'pricing', 'search', 'settings', 'signup'];
const forge = (...pages: string[]): HostRule => ({ project: ownerRepo, reserved: new Set([...FORGE_PAGES, ...pages]) });

const HOSTS: Readonly<Record<string, HostRule>> = {
  'github.com': forge('orgs', 'topics', 'marketplace', 'sponsors', 'collections', 'trending', 'enterprise', 'apps'),
  'gitlab.com': forge('users', 'groups', 'dashboard'),
  'bitbucket.org': forge('product', 'account'),
  'codeberg.org': forge('user', 'repo', 'org'),
  'gitee.com': forge('organizations', 'enterprises'),
  'sourceforge.net': { project: (s) => (s.length >= 2 && (s[0] === 'projects' || s[0] === 'p') ? 2 : 0) },
  // Models at /org/name, datasets and demos (Spaces) one level down.
  'huggingface.co': {
    project: (s) => (s[0] === 'datasets' || s[0] === 'spaces' ? (s.length >= 3 ? 3 : 0) : ownerRepo(s)),
    reserved: new Set([
      ...['papers', 'docs', 'blog', 'learn', 'collections', 'models', 'posts', 'tasks', 'organizations'],
      ...FORGE_PAGES,
    ]),
  },
};
// Other spellings of the same hosts; the link always goes to the canonical one.
const ALIASES: Readonly<Record<string, string>> = { 'hf.co': 'huggingface.co' };

const HOST_PATTERN = [...Object.keys(HOSTS), ...Object.keys(ALIASES)]
  .map((host) => host.replace(/\./g, String.raw`\.\s?`)) // "github. com": a line break arXiv turned into a space
  .join('|');
/**
 * A host from the list, right after `https://` or else not inside a longer name (`evilgithub.com`,
 * `x.github.com`, `user@…`) nor in another link's path (`https://evil.example/github.com/…`), then
 * its path. A space after the scheme, after the host's slash or after a `-` or `_` is a line break
 * inside the link and is closed up; one after a later slash is left alone, as it may end the link
 * (`…/org/ and`).
 */
const CANDIDATE = new RegExp(
  String.raw`(?:(?<![.@/-])https?:\s?//|(?<![\w.@/-]))(?:www\.)?(${HOST_PATTERN})/(\s?[\w.~+-]+(?:(?:/|(?<=[-_])\s)[\w.~+-]+)*/?)`,
  'gi',
);
const SEGMENT = /^[\w.~+-]+$/;

/**
 * The code links of a paper, comment first (where authors write "Code: …"), then the abstract:
 * canonical https URLs, one per project, at most {@link MAX_CODE_LINKS}.
 */
export function codeLinks(entry: Pick<ArxivEntry, 'summary' | 'comment'>): string[] {
  const links = new Map<string, string>();
  for (const text of [entry.comment ?? '', entry.summary]) {
    for (const match of text.matchAll(CANDIDATE)) {
      const url = codeLink(`https://${match[1]}/${match[2]}`);
      const key = url && describeCodeLink(url).text.toLowerCase(); // GitHub and the hub ignore case
      if (url && key && !links.has(key)) links.set(key, url);
      if (links.size === MAX_CODE_LINKS) return [...links.values()];
    }
  }
  return [...links.values()];
}

/**
 * The canonical https URL of a link to a project on a listed code host, or undefined for anything
 * else. Spaces are dropped (line breaks), trailing punctuation and `.git` are cut, query and
 * fragment are dropped, and `http` becomes `https`.
 */
export function codeLink(raw: string): string | undefined {
  const trimmed = raw.replace(/\s+/g, '').replace(/[.,;:!?'"*_~-]+$/, '');
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.port) return undefined;
  const name = url.hostname.replace(/^www\./, '');
  const host = ALIASES[name] ?? name;
  const rule = HOSTS[host];
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  if (!rule || !segments.every((segment) => SEGMENT.test(segment) && !/^\.+$/.test(segment))) return undefined;
  if (rule.project(segments) === 0 || rule.reserved?.has(segments[0]!.toLowerCase())) return undefined;
  const last = segments.length - 1;
  segments[last] = segments[last]!.replace(/\.git$/i, '');
  return `https://${host}/${segments.join('/')}`;
}

/** What a code link is, in words: a short text (`github.com/org/repo`) and a name for the link. */
export interface CodeLinkText {
  text: string;
  label: string;
}

/** The short text and accessible name of a URL from {@link codeLinks}. */
export function describeCodeLink(url: string): CodeLinkText {
  const { hostname, pathname } = new URL(url);
  const segments = pathname.split('/').filter((segment) => segment !== '');
  const rule = HOSTS[hostname];
  const text = [hostname, ...segments.slice(0, rule?.project(segments) || segments.length)].join('/');
  const kind =
    hostname !== 'huggingface.co'
      ? 'Code'
      : segments[0] === 'datasets'
        ? 'Dataset'
        : segments[0] === 'spaces'
          ? 'Demo'
          : 'Model';
  return { text, label: `${kind}: ${text}` };
}
