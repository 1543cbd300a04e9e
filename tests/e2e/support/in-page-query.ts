/**
 * Finds elements the way Playwright's locators do (role and accessible name, label, text, CSS),
 * inside the page. Firefox's driver has no such locators, so this function is sent to the page
 * with each query. It must stay self-contained: it is serialised, not bundled.
 */

/** A text to match: a plain string (substring, any case, unless exact) or a regular expression. */
export type TextSpec = { text: string; exact?: boolean } | { source: string; flags: string };

export type Step =
  | { kind: 'css'; css: string }
  | { kind: 'role'; role: string; name?: TextSpec; selected?: boolean }
  | { kind: 'label'; label: TextSpec }
  | { kind: 'text'; match: TextSpec }
  | { kind: 'filter'; hasText?: TextSpec; has?: Step[] }
  | { kind: 'nth'; index: number };

/** Runs in the page: the elements a chain of steps finds, in document order. */
export function resolveSteps(steps: Step[]): Element[] {
  const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();
  const matches = (spec: TextSpec, raw: string) => {
    const text = normalise(raw);
    if ('source' in spec) return new RegExp(spec.source, spec.flags).test(text);
    return spec.exact ? text === normalise(spec.text) : text.toLowerCase().includes(normalise(spec.text).toLowerCase());
  };
  const visible = (el: Element) => {
    if (el.closest('[aria-hidden="true"]')) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && el.getClientRects().length > 0;
  };
  const implicit: Record<string, string> = {
    button: 'button, input[type=button], input[type=submit], summary',
    link: 'a[href]',
    heading: 'h1, h2, h3, h4, h5, h6',
    article: 'article',
    list: 'ul, ol',
    listitem: 'li',
    form: 'form',
    status: 'output',
    searchbox: 'input[type=search]',
    textbox: 'input:not([type]), input[type=text], input[type=url], input[type=email], textarea',
    checkbox: 'input[type=checkbox]',
    combobox: 'select',
    option: 'option',
    dialog: 'dialog',
    navigation: 'nav',
    region: 'section[aria-label], section[aria-labelledby]',
  };
  const roleOf = (el: Element) => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit.split(' ')[0];
    for (const [role, css] of Object.entries(implicit)) if (el.matches(css)) return role;
    return '';
  };
  const byIds = (ids: string) =>
    ids
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  const labelOf = (el: Element) => {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) return byIds(labelledBy);
    const aria = el.getAttribute('aria-label');
    if (aria) return aria;
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return [...labels].map((l) => l.textContent ?? '').join(' ');
    return null;
  };
  const fromContent = new Set(['button', 'link', 'heading', 'tab', 'option', 'listitem', 'cell', 'menuitem']);
  // A name from content leaves out what is hidden from assistive technology (a decorative ☆).
  const spokenText = (node: Node): string =>
    node.nodeType === Node.TEXT_NODE
      ? (node.textContent ?? '')
      : node instanceof Element && node.getAttribute('aria-hidden') === 'true'
        ? ''
        : [...node.childNodes].map(spokenText).join('');
  const nameOf = (el: Element) => {
    const label = labelOf(el);
    if (label !== null) return label;
    if (fromContent.has(roleOf(el))) return spokenText(el);
    return el.getAttribute('title') ?? (el as HTMLInputElement).placeholder ?? '';
  };
  const within = (roots: Element[], css: string) => {
    const found = new Set<Element>();
    for (const root of roots) root.querySelectorAll(css).forEach((el) => found.add(el));
    return [...found];
  };
  const run = (chain: Step[], start: Element[]): Element[] => {
    let current = start;
    for (const step of chain) {
      if (step.kind === 'css') current = within(current, step.css);
      else if (step.kind === 'role')
        current = within(current, '*').filter(
          (el) =>
            roleOf(el) === step.role &&
            visible(el) &&
            (step.name === undefined || matches(step.name, nameOf(el))) &&
            (step.selected === undefined || (el.getAttribute('aria-selected') === 'true') === step.selected),
        );
      else if (step.kind === 'label')
        current = within(current, '*').filter((el) => {
          const label = labelOf(el);
          return label !== null && matches(step.label, label);
        });
      else if (step.kind === 'text') {
        const hits = within(current, '*').filter(
          (el) =>
            !['SCRIPT', 'STYLE', 'HEAD', 'TITLE'].includes(el.tagName) && matches(step.match, el.textContent ?? ''),
        );
        // The innermost elements that hold the text, as Playwright's getByText returns.
        current = hits.filter((el) => !hits.some((other) => other !== el && el.contains(other)));
      } else if (step.kind === 'filter')
        current = current.filter(
          (el) =>
            (step.hasText === undefined || matches(step.hasText, el.textContent ?? '')) &&
            (step.has === undefined || run(step.has, [el]).length > 0),
        );
      else {
        const picked = step.index < 0 ? current.at(step.index) : current[step.index];
        current = picked ? [picked] : [];
      }
    }
    return current;
  };
  return run(steps, [document.documentElement]);
}
