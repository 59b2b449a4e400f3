/**
 * axe-core (WCAG 2.0 and 2.1, A and AA) run inside a page of the built pane. The script is the
 * installed package's axe.min.js, injected as it is: nothing is fetched. Not a test file itself.
 *
 * One kind of element is left out of the run, and only after checking that each one is what it
 * claims to be: Tabster's focus sentinels. Fluent UI v9 moves focus with Tabster, which puts a pair
 * of empty `<i tabindex="0" aria-hidden="true" data-tabster-dummy>` around every arrow-key group
 * (tab lists, the charts' bars), every focus group and, once a popup can trap focus (the offer's date
 * pickers), around the page's root. Their one job is to catch Tab and move focus on at once; they
 * are hidden so that screen readers do not announce them. axe reports each one under
 * aria-hidden-focus; Tabster's maintainers call that intended ("elements with data-tabster-dummy
 * attribute are intentionally focusable with aria-hidden. Their only purpose is to redirect the focus
 * to the proper element immediately after they receive focus": microsoft/tabster#288), and Fluent
 * lists it among its known issues (microsoft/accessibility-insights-web#7613). Everything else,
 * including anything focusable inside a region the pane hides, is checked.
 */
import * as fs from "fs";
import { Page } from "playwright-core";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Tabster's focus sentinels (see the module comment). */
export const TABSTER_SENTINEL = "[data-tabster-dummy]";

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

let source: string | undefined;

async function injectAxe(page: Page): Promise<void> {
  source ??= fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: source });
}

/** The violations axe finds in the page as it is now, Tabster's sentinels left out. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await injectAxe(page);
  return page.evaluate(
    async ({ tags, sentinel }) => {
      type Result = { violations: AxeViolation[] };
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<Result> } }).axe;
      const result = await axe.run({ include: [document], exclude: [[sentinel]] }, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html, failureSummary: n.failureSummary })),
      }));
    },
    { tags: AXE_TAGS, sentinel: TABSTER_SENTINEL },
  );
}

/** What the run left out: every element that says it is a Tabster sentinel, as it really is. */
export async function tabsterSentinels(page: Page): Promise<{ tag: string; children: number; ariaHidden: string | null; tabIndex: string | null; position: string; size: string; inert: boolean; where: string }[]> {
  return page.evaluate((sentinel) => {
    return [...document.querySelectorAll(sentinel)].map((e) => {
      const style = getComputedStyle(e);
      const parent = e.parentElement;
      return {
        tag: e.tagName.toLowerCase(),
        children: e.childNodes.length,
        ariaHidden: e.getAttribute("aria-hidden"),
        tabIndex: e.getAttribute("tabindex"),
        position: style.position,
        size: `${style.width} by ${style.height}`,
        inert: e.closest("[inert]") !== null,
        where: parent ? `${parent.tagName.toLowerCase()}${parent.className ? "." + String(parent.className).split(/\s+/)[0] : ""}` : "",
      };
    });
  }, TABSTER_SENTINEL);
}

/** One line per violating node, for a readable failure. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(" ")}: ${n.html.slice(0, 160)}`));
}

/** Opens every <details> of the page (every section's collapsible parts). */
export async function openAllDetails(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => ((d as HTMLDetailsElement).open = true)));
}

/**
 * Every part of the page opened, then no axe violations; what the run left out is only Tabster's
 * empty, hidden, 1-pixel focus sentinels (each checked to be one).
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await openAllDetails(page);
  const violations = await axeViolations(page);
  expect(describeViolations(violations)).toEqual([]);
  for (const s of await tabsterSentinels(page)) {
    expect(s).toMatchObject({ tag: "i", children: 0, ariaHidden: "true", position: "fixed", size: "1px by 1px" });
    expect(["0", "-1"]).toContain(s.tabIndex);
  }
}
