import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { UiPage } from './ui';

/**
 * axe-core's browser build. It is evaluated through the driver, not added as a script tag: the
 * extension's content security policy refuses inline scripts, and a driver's evaluation is exempt.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Impacts that fail a test (axe's "minor" and "moderate" are reported by rule id only when asked). */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/** One rule broken on a page, with the elements that break it. */
export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  /** A CSS selector and axe's one-line explanation for each element. */
  nodes: Array<{ target: string; why: string }>;
}

/**
 * Runs axe-core on the page as it is now and returns the serious and critical violations, plus any
 * violation of the rules in `alsoFailOn` whatever its impact. WCAG 2.5.3 (a control's name must
 * contain its visible text) is still "experimental" in axe 4.14 and off by default: it is turned on.
 */
export async function accessibilityViolations(
  page: UiPage,
  alsoFailOn: readonly string[] = [],
): Promise<AxeViolation[]> {
  // axe yields to the event loop between rules: in a background tab, where timers are throttled,
  // a run takes minutes.
  await page.bringToFront();
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluateSource(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, {
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        why: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }));
  });
  return found.filter((v) => FAILING_IMPACTS.has(v.impact) || alsoFailOn.includes(v.rule));
}

/** The violations as lines a failing test prints: rule, impact, and each element with the reason. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => [`${v.rule} (${v.impact}): ${v.help}`, ...v.nodes.map((n) => `  ${n.target}: ${n.why}`)].join('\n'))
    .join('\n');
}

/**
 * Throws, listing every rule and element, when axe finds a serious or critical violation (or one of
 * `alsoFailOn`) on the page. `where` names the page state in the message.
 */
export async function assertAccessible(page: UiPage, where: string, alsoFailOn: readonly string[] = []): Promise<void> {
  const violations = await accessibilityViolations(page, alsoFailOn);
  if (violations.length > 0) {
    throw new Error(`Accessibility violations in ${where}:\n${describeViolations(violations)}`);
  }
}

/** The contrast ratio of two sRGB colours given as [r, g, b] in 0–255 (WCAG 2's definition). */
export function contrastRatio(a: readonly number[], b: readonly number[]): number {
  const luminance = (rgb: readonly number[]) => {
    const [r, g, bl] = rgb.map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** What `paintedColours` reads for one element: its text, outline and border colours and what is behind it. */
export interface PaintedColours {
  text: number[];
  outline: number[];
  /** The outline's width in CSS pixels, 0 when there is none. */
  outlineWidth: number;
  border: number[];
  background: number[];
  /** The element's own opacity times its ancestors' (axe skips disabled controls, so it is read here). */
  opacity: number;
}

/**
 * Reads the colours an element is painted with, as [r, g, b]: axe does not judge disabled
 * controls or focus outlines, which the issue asks to keep at WCAG AA as well. The background is
 * the first opaque one among the element and its ancestors. Runs `getComputedStyle` in the page,
 * so it works in every browser.
 */
export function paintedColours(page: UiPage, selector: string): Promise<PaintedColours> {
  return page.evaluate((css: string) => {
    const el = document.querySelector(css);
    if (!el) throw new Error(`Nothing matches ${css}`);
    // A probe element turns any CSS colour (light-dark(), system colours…) into rgb().
    const probe = document.createElement('span');
    // Under forced colours the probe's own colour would be forced too.
    probe.style.setProperty('forced-color-adjust', 'none');
    document.body.append(probe);
    const rgb = (colour: string): number[] => {
      probe.style.color = colour;
      const parts = getComputedStyle(probe)
        .color.match(/[\d.]+/g)
        ?.map(Number) ?? [0, 0, 0];
      return parts.length > 3 && parts[3] === 0 ? [] : parts.slice(0, 3);
    };
    const style = getComputedStyle(el);
    let background: number[] = [];
    let opacity = 1;
    for (let node: Element | null = el; node; node = node.parentElement) {
      const own = getComputedStyle(node);
      opacity *= Number(own.opacity);
      if (background.length === 0) {
        const colour = own.backgroundColor;
        if (!/rgba\(.*,\s*0\)$|transparent/.test(colour)) background = rgb(colour);
      }
    }
    const result = {
      text: rgb(style.color),
      outline: rgb(style.outlineColor),
      outlineWidth: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
      border: rgb(style.borderTopColor),
      background: background.length ? background : rgb(getComputedStyle(document.documentElement).backgroundColor),
      opacity,
    };
    probe.remove();
    return result;
  }, selector);
}
