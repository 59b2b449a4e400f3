/**
 * The Executive separation section of the built pane in Chromium (preview mode), on the two bundled
 * seeds (assets/samples/separation-2002-almgren and separation-2006-tucker): the totals the
 * documents state, what is not due and why, the scenario beside the terms as agreed, the awards
 * before and after (their shares adding up), a problem typed into the form named at its field and
 * in the summary (nothing computed meanwhile: the last results kept, marked as such), a file with a
 * JSON syntax error refused with its line and column, each award and payment showing only the fields
 * of its kind (a value left from another kind marked not used, said once, with one action clearing
 * them all; the fields its kind requires marked required), hints naming fields by their labels, the
 * keyboard's focus after Add, Remove and "Create separation worksheet", the terms as edited kept
 * across a reload, the worksheet written to the preview workbook, axe-core (WCAG 2 A and AA) with every
 * part open and the results shown, and no wider than the 420-pixel pane. Screenshots go to
 * test-artifacts/ (and the section's to /tmp/separation-pane.png, seed 000's results to
 * /tmp/separation-pane-000.png).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Page } from "playwright-core";
import { artifacts, layoutWidth, openPane, servePaneForTests } from "./paneServer";
import { expectNoAxeViolations } from "./axe";

jest.setTimeout(300_000);

const pane = servePaneForTests();

/** Opens the pane and loads a seed; waits for its totals. */
async function openSeed(page: Page, seed: "000" | "001"): Promise<void> {
  await openPane(page, pane.base);
  await page.getByTestId(`separation-seed-${seed}`).click();
  await page.getByTestId("separation-totals").waitFor({ timeout: 60_000 });
}

/** Whether the field at a path is required: its input says so, and its label carries the asterisk. */
async function requiredMark(page: Page, at: string): Promise<boolean> {
  return page.evaluate((p) => {
    const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-path="${p}"]`);
    const label = el && document.querySelector(`label[for="${el.id}"]`);
    const star = (label?.textContent ?? "").trim().endsWith("*");
    return el !== null && el.required && star;
  }, at);
}

const cells = async (page: Page, testId: string) => (await page.getByTestId(testId).locator("td").allTextContents()).map((t) => t.trim());

describe("the Executive separation section in Chromium (preview mode)", () => {
  it("seed 000 (Almgren, 2002): the salary, the installments and the supplemental payment the documents state; the dates in order; the chart is a figure with its table", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await openSeed(page, "000");
    expect(await page.getByTestId("separation-source").textContent()).toContain("seed 000 (Almgren, 2002)");
    const totals = page.getByTestId("separation-totals");
    expect(await totals.locator("tr[data-kind=salary] td").allTextContents()).toEqual(["Salary", "$185,150.00"]);
    expect(await totals.locator("tr[data-kind=installment] td").allTextContents()).toEqual(["Installments", "$185,150.00"]);
    expect(await totals.locator("tr[data-kind=lump-sum] td").allTextContents()).toEqual(["Lump sums", "$100,000.00"]);
    expect(await totals.locator("tr[data-kind=total] td").allTextContents()).toEqual(["Total", "$470,300.00"]);

    // the payment schedule: dates YYYY-MM-DD, the running total ends at the total
    const rows = page.getByTestId("separation-payments").locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(30);
    expect(await rows.first().getByTestId("payment-date").textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await rows.last().getByTestId("payment-cumulative").textContent()).toBe("$470,300.00");
    const lump = page.getByTestId("separation-payments").locator("tr[data-source=supplemental-payment]");
    expect(await lump.getByTestId("payment-amount").textContent()).toBe("$100,000.00");
    expect(await lump.getByTestId("payment-kind").textContent()).toBe("lump-sum");

    // the timeline: an ordered list of dated events, in date order, the release effective 2002-11-07
    const timeline = page.getByRole("figure", { name: "The separation's dates, in order" });
    const dates = await timeline.locator("li").evaluateAll((items) => items.map((li) => li.getAttribute("data-date") ?? ""));
    expect(dates.length).toBeGreaterThan(5);
    expect([...dates].sort()).toEqual(dates);
    expect(await timeline.locator("li[data-date='2002-11-07']").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Release effective")]));

    // the cumulative cash chart: a figure named by its caption, its drawing out of reach, its figures a table
    const chart = page.getByRole("figure", { name: "Cumulative cash: the payment schedule" });
    expect(await chart.count()).toBe(1);
    expect(await chart.locator("[aria-hidden=true][inert]").count()).toBe(1);
    expect(await chart.locator("svg").count()).toBeGreaterThan(0);
    expect(await chart.getByRole("table", { name: "Payment schedule" }).count()).toBe(1);

    // the salary balance: its condition holds, but nothing is left to pay
    const notDue = page.getByTestId("separation-contingent");
    expect(await notDue.locator("th").allTextContents()).toEqual(["Not due", "Why"]);
    expect(await notDue.locator("tr[data-source=salary-balance] td").nth(1).textContent()).toMatch(/^nothing left to pay/);

    // the scenario: let go on February 27, 2003: salary stops, the balance is paid, the total is the same
    expect(await page.getByTestId("separation-scenarios").textContent()).toContain("Let go without cause on February 27, 2003");
    const scenario = page.getByTestId("separation-scenario-0");
    const dates0 = scenario.getByTestId("separation-scenario-0-dates");
    expect(await dates0.locator("tr[data-date=employment-end] td").allTextContents()).toEqual(["Employment ends", "2003-05-06", "2003-02-27"]);
    expect(await dates0.locator("tr[data-date=reason] td").allTextContents()).toEqual(["Why", "without cause", "without cause"]);
    expect(await dates0.locator("tr[data-date=service-end] td").allTextContents()).toEqual(["Service ends", "2003-05-06", "2003-02-27"]);
    const byKind = scenario.getByTestId("separation-scenario-0-totals");
    expect(await byKind.locator("th").allTextContents()).toEqual(["Kind", "As agreed", "This scenario"]);
    expect(await byKind.locator("tr[data-kind=salary-balance] td").allTextContents()).toEqual(["Salary balance", "—", "$64,971.63"]);
    expect(await byKind.locator("tr[data-kind=total] td").allTextContents()).toEqual(["Total", "$470,300.00", "$470,300.00"]);
    // the paydays after the employment end: one contingent salary entry
    expect(await scenario.getByTestId("separation-scenario-0-contingent").locator("tr[data-source=salary]").count()).toBe(1);
    // the awards that change: each option's last exercise day, and the vested shares where they differ
    const changes = scenario.getByTestId("separation-scenario-0-awards");
    const change = async (award: string, what: string) => (await changes.locator(`tr[data-award="${award}"][data-change="${what}"] td`).allTextContents()).slice(1);
    expect(await change("1993 Stock Options", "Last exercise day")).toEqual(["2003-08-06", "2003-05-27"]);
    expect(await change("2000 Stock Options (2001-05-16)", "Last exercise day")).toEqual(["2003-08-06", "2003-05-27"]);
    expect(await change("2000 Stock Options (2001-05-16)", "Vested shares")).toEqual(["59,895", "54,687"]);
    expect(await change("2000 Stock Options (2001-05-16)", "Forfeited under its terms")).toEqual(["65,105", "70,313"]);
    expect(await changes.locator('tr[data-award="1993 Stock Options"][data-change="Vested shares"]').count()).toBe(0);
    expect(await scenario.getByTestId("separation-scenario-0-incremental").textContent()).toBe("Incremental fair value: $0.00 (as agreed: $0.00)");
    expect(await scenario.getByTestId("separation-scenario-0-flags").textContent()).toBe("Flags: none.");
    // the awards as agreed: where every share goes, adding up to the award
    const recent = page.getByTestId("separation-award-2000 Stock Options (2001-05-16)");
    expect(await recent.getByTestId("award-forfeited").locator("td").allTextContents()).toEqual(["Forfeited under its terms", "", "65,105"]);
    expect(await recent.getByTestId("award-shares").locator("td").allTextContents()).toEqual(["Total", "", "125,000"]);
    // only the user opens the form's groups: the terms loaded read at once, so no problem opened one
    expect(await page.evaluate(() => [...document.querySelectorAll("[data-testid^=separation-group-]")].filter((d) => (d as HTMLDetailsElement).open).length)).toBe(0);
    await page.getByTestId("separation-section").screenshot({ path: path.join(artifacts, "pane-separation-000.png") });
    await page.getByTestId("separation-results").screenshot({ path: path.join(os.tmpdir(), "separation-pane-000.png") });
    expect(await layoutWidth(page)).toBeLessThanOrEqual(420);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("seed 001 (Tucker, 2006): 1,500,000 shares vested, 500,000 cancelled, the window to 2007-07-31; the flags; the worksheet in the preview; axe; 420 px", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await openSeed(page, "001");
    const award = "separation-award-2003-08-01 option";
    const option = page.getByTestId(award);
    expect(await option.getByTestId("award-vested").locator("td").allTextContents()).toEqual(["Vested", "1,458,333", "1,500,000"]);
    expect(await option.getByTestId("award-cancelled").locator("td").allTextContents()).toEqual(["Cancelled by the agreement", "", "500,000"]);
    expect(await option.getByTestId("award-forfeited").locator("td").allTextContents()).toEqual(["Forfeited under its terms", "", "0"]);
    expect(await option.getByTestId("award-shares").locator("td").allTextContents()).toEqual(["Total", "", "2,000,000"]);
    expect(await option.getByTestId("award-accelerated").locator("td").allTextContents()).toEqual(["Accelerated vesting", "", "41,667"]);
    // restricted stock: vested, repurchased and the rest add up to the award
    const stock = page.getByTestId("separation-award-2003-08-04 restricted stock");
    expect(await stock.getByTestId("award-repurchased").locator("td").allTextContents()).toEqual(["Repurchased", "", "125,000"]);
    expect(await stock.getByTestId("award-shares").locator("td").allTextContents()).toEqual(["Total", "", "500,000"]);
    expect(await option.getByTestId("award-expiry").locator("td").allTextContents()).toEqual(["Last exercise day", "2006-10-31", "2007-07-31"]);
    expect(await option.getByTestId("award-per-share").locator("td").allTextContents()).toEqual(["Value a share", "$0.8486", "$0.9933"]);
    expect(await option.getByTestId("award-term").locator("td").allTextContents()).toEqual(["Term valued (years)", "0.25", "1.00"]);
    expect(await option.getByTestId("award-incremental").locator("td").allTextContents()).toEqual(["Incremental fair value", "", "$252,508.93"]);
    expect(await option.textContent()).toContain("Types I and III");
    expect(await page.getByTestId("separation-incremental").textContent()).toMatch(/^Total incremental fair value: \$\d{1,3}(,\d{3})*\.\d{2}/);
    expect(await page.getByTestId("separation-flag").count()).toBe(2);
    expect(await cells(page, "separation-totals")).toEqual(["Consulting fees", "$3,000.00", "Repurchase", "$125.00", "Total", "$3,125.00"]);
    // September's consulting fee, due by a business day
    const consulting = page.getByTestId("separation-consulting");
    expect(await consulting.locator("th").allTextContents()).toEqual(["Month", "Hours (billed)", "Fee", "Due by"]);
    expect(await consulting.locator("tr[data-month='2006-09']").locator("td").allTextContents()).toEqual(["2006-09", "14 (4)", "$2,000.00", "2006-10-13"]);

    // the worksheet, in the preview workbook, written from the keyboard: the focus stays on the button while it is written
    expect(await page.getByTestId("separation-sheet-name").textContent()).toBe("Writes the sheet “Separation John R. Tucker”");
    const create = page.getByRole("button", { name: "Create separation worksheet" });
    await create.focus();
    await page.keyboard.press("Enter");
    await page.getByTestId("separation-sheet-status").filter({ hasText: "Worksheet created: Separation John R. Tucker." }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Create separation worksheet");
    expect(await create.isEnabled()).toBe(true);
    await page.getByRole("tab", { name: "Separation John R. Tucker" }).click();
    const sheet = page.getByTestId("sheet-Separation John R. Tucker");
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain("John R. Tucker");
    await page.getByRole("region", { name: "Workbook preview" }).screenshot({ path: path.join(artifacts, "pane-separation-sheet.png") });

    // as the user sees it, then every part open for axe; never wider than the pane
    const section = page.getByTestId("separation-section");
    await section.screenshot({ path: path.join(artifacts, "pane-separation.png") });
    await section.screenshot({ path: path.join(os.tmpdir(), "separation-pane.png") });
    expect(await layoutWidth(page)).toBeLessThanOrEqual(420);
    await expectNoAxeViolations(page);
    expect(await layoutWidth(page)).toBeLessThanOrEqual(420);
    await section.screenshot({ path: path.join(artifacts, "pane-separation-open.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a value typed wrong: named at its field and in the summary, nothing computed (the last results kept, marked); the summary's link goes to the field; fixed, the figures come back", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
    await openSeed(page, "001");
    await page.getByTestId("separation-group-awards").locator("summary").click();
    const field = page.locator('[data-path="awards[0].modification.vestedShares"]');
    await field.fill("3000000");
    const summary = page.getByTestId("separation-problems");
    await summary.waitFor();
    expect(await summary.textContent()).toContain("1 problem in the terms: nothing is computed until it is fixed");
    expect(await summary.textContent()).toContain("Equity awards › Award 1: 2003-08-01 option › Modification › Vested shares");
    // the reader's words in the summary; under the field, its label names it
    expect(await summary.textContent()).toContain('terms.awards[0] ("2003-08-01 option").modification.vestedShares (3000000) must be at most');
    const message = page.getByTestId("separation-error-awards[0].modification.vestedShares");
    expect(await message.textContent()).toMatch(/^Vested shares \(3000000\) must be at most/);
    // the last results stay in view, marked as of the last valid terms; no worksheet is written from them
    expect(await page.getByTestId("separation-stale").textContent()).toBe("Results as of the last valid terms (fix the problems above to update)");
    expect(await page.getByTestId("separation-results").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Create separation worksheet" }).count()).toBe(0);
    // the input says it is invalid and is described by its message
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    // the group is marked
    expect(await page.getByTestId("separation-group-awards").locator("summary").textContent()).toContain("1 problem");
    // the summary's link moves the focus to the field
    await page.locator("[data-path]").first().focus();
    await summary.getByRole("link").first().click();
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-path") === "awards[0].modification.vestedShares");
    await page.getByTestId("separation-section").screenshot({ path: path.join(artifacts, "pane-separation-problem.png") });
    await field.fill("1500000");
    await page.getByTestId("separation-stale").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Create separation worksheet" }).waitFor();
    expect(await page.getByTestId("separation-problems").count()).toBe(0);

    // a list item added is named by its required fields, the results kept meanwhile; removed, the terms read again
    await page.getByTestId("separation-group-scenarios").locator("summary").click();
    await page.getByTestId("separation-add-scenarios").click();
    await page.getByTestId("separation-problems").waitFor();
    expect(await page.getByTestId("separation-error-scenarios[0].name").count()).toBe(1);
    expect(await page.getByTestId("separation-stale").count()).toBe(1);
    expect(await cells(page, "separation-totals")).toEqual(["Consulting fees", "$3,000.00", "Repurchase", "$125.00", "Total", "$3,125.00"]);
    expect(await layoutWidth(page)).toBeLessThanOrEqual(420);
    await page.getByTestId("separation-section").screenshot({ path: path.join(artifacts, "pane-separation-stale.png") });
    await page.getByRole("button", { name: "Remove Scenario 1" }).click();
    await page.getByTestId("separation-stale").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Create separation worksheet" }).waitFor();
    await page.close();
  });

  it("the keyboard: Add moves the focus to the new item's first field, Remove to the list's Add button (never the next item's Remove)", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
    await openSeed(page, "001");
    const focused = () => page.evaluate(() => ({ path: document.activeElement?.getAttribute("data-path") ?? "", testId: document.activeElement?.getAttribute("data-testid") ?? "" }));
    await page.getByTestId("separation-group-scenarios").locator("summary").click();
    const add = page.getByTestId("separation-add-scenarios");
    await add.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-path") === "scenarios[0].name");
    await page.keyboard.type("Fired for cause");
    expect(await page.locator('[data-path="scenarios[0].name"]').inputValue()).toBe("Fired for cause");
    await add.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-path") === "scenarios[1].name");
    // removing the first of two: the focus goes to "Add scenario", and a second Enter adds rather than removes
    await page.getByRole("button", { name: "Remove Scenario 1: Fired for cause" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "separation-add-scenarios");
    expect(await focused()).toEqual({ path: "", testId: "separation-add-scenarios" });
    expect(await page.locator('[data-testid^="separation-item-scenarios["]').count()).toBe(1);
    // the awards: removing the first award leaves the focus on "Add award"
    await page.getByTestId("separation-group-awards").locator("summary").click();
    const awards = page.locator('[data-testid^="separation-item-awards["]');
    const before = await awards.count();
    await page.getByRole("button", { name: "Remove Award 1: 2003-08-01 option" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "separation-add-awards");
    expect(await awards.count()).toBe(before - 1);
    await page.close();
  });

  it("each award and payment shows the fields of its kind; a value left from another kind stays, marked not used", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
    await openSeed(page, "001");
    await page.getByTestId("separation-group-awards").locator("summary").click();
    const input = (at: string) => page.locator(`[data-path="${at}"]`);
    // the option: its exercise price and window, no purchase price or repurchase; the restricted stock the other way round
    expect(await input("awards[0].exercisePrice").count()).toBe(1);
    expect(await input("awards[0].purchasePrice").count()).toBe(0);
    expect(await page.locator('[data-group-path="awards[0].modification.exerciseWindow"]').count()).toBe(1);
    expect(await page.locator('[data-group-path="awards[0].modification.repurchaseUnvested"]').count()).toBe(0);
    expect(await input("awards[1].purchasePrice").count()).toBe(1);
    for (const key of ["exercisePrice", "expirationDate", "postTerminationMonths", "incentiveStockOption"]) expect(await input(`awards[1].${key}`).count()).toBe(0);
    expect(await page.locator('[data-group-path="awards[1].modification.exerciseWindow"]').count()).toBe(0);
    // the restricted stock made an option: the option's fields appear, its purchase price and repurchase stay, marked
    await input("awards[1].kind").selectOption("option");
    await input("awards[1].exercisePrice").waitFor();
    expect(await page.getByTestId("separation-note-awards[1].purchasePrice").textContent()).toBe(
      'Not used for this kind: read only when the award\'s kind is "restricted-stock" (it is "option").',
    );
    expect(await page.getByTestId("separation-note-awards[1].modification.repurchaseUnvested").textContent()).toMatch(/^Not used for this kind: read only when the award's kind is "restricted-stock"/);
    // the reader refuses it too: said once at the field (the note, as an error), not twice
    expect(await page.getByTestId("separation-error-awards[1].purchasePrice").count()).toBe(0);
    await page.locator('[data-path="awards[1].purchasePrice"][aria-invalid="true"]').waitFor();
    expect(await page.getByTestId("separation-clear-awards[1].purchasePrice").textContent()).toBe("Clear the fields this kind does not use");
    // the option's own fields are required now: marked so
    for (const key of ["exercisePrice", "expirationDate", "postTerminationMonths"]) {
      expect(await requiredMark(page, `awards[1].${key}`)).toBe(true);
    }
    expect(await requiredMark(page, "awards[1].purchasePrice")).toBe(false);
    await page.locator('[data-testid="separation-item-awards[1]"]').screenshot({ path: path.join(artifacts, "pane-separation-kinds.png") });
    await input("awards[1].purchasePrice").fill("");
    // cleared, it goes (once the terms are read again without its problem)
    await input("awards[1].purchasePrice").waitFor({ state: "detached" });

    // a payment added: no kind, none of the kind-specific fields; a lump sum: its amount and date
    await page.getByTestId("separation-group-payments").locator("summary").click();
    await page.getByTestId("separation-add-payments").click();
    expect(await input("payments[0].amount").count()).toBe(0);
    expect(await input("payments[0].total").count()).toBe(0);
    await input("payments[0].kind").selectOption("lump-sum");
    await input("payments[0].amount").waitFor();
    expect(await input("payments[0].date").count()).toBe(1);
    expect(await input("payments[0].through").count()).toBe(0);
    expect(await requiredMark(page, "payments[0].amount")).toBe(true);
    // its amount typed, then made an installment program: one action clears the lump sum's fields
    await input("payments[0].amount").fill("100");
    await input("payments[0].kind").selectOption("installments");
    await page.getByTestId("separation-clear-payments[0].amount").click();
    await input("payments[0].amount").waitFor({ state: "detached" });
    expect(await input("payments[0].total").count()).toBe(1);
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-path") === "payments[0].kind");
    await page.close();
  });

  it("an option made restricted stock: each unused field's problem said once, one action clears them all (the ISO box left false with them); hints name fields by their labels", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
    await openSeed(page, "001");
    await page.getByTestId("separation-group-awards").locator("summary").click();
    const input = (at: string) => page.locator(`[data-path="${at}"]`);
    const item = page.locator('[data-testid="separation-item-awards[2]"]');
    // hints: labels, not keys
    expect(await item.textContent()).toContain("on or before “Employment › Last day employed”");
    expect(await item.textContent()).not.toMatch(/employment\.endDate|\{"vestingMonths"/);
    await input("awards[2].kind").selectOption("restricted-stock");
    const unused = ["exercisePrice", "expirationDate", "postTerminationMonths"];
    await page.getByTestId("separation-note-awards[2].exercisePrice").waitFor();
    for (const key of unused) {
      expect(await page.getByTestId(`separation-note-awards[2].${key}`).count()).toBe(1);
      // the reader's refusal is not repeated under the note
      expect(await page.getByTestId(`separation-error-awards[2].${key}`).count()).toBe(0);
      expect(await item.textContent()).not.toContain(`${key} is for "option" awards only`);
    }
    // the ISO box, left false from the option: the reader accepts it, so no note and no box
    expect(await input("awards[2].incentiveStockOption").count()).toBe(0);
    // no JSON path under any field
    expect(await item.textContent()).not.toContain("terms.");
    await item.screenshot({ path: path.join(artifacts, "pane-separation-kind-changed.png") });
    // the notes with their action, the results kept and marked: still accessible, still 420 px
    await page.getByTestId("separation-stale").waitFor();
    await expectNoAxeViolations(page);
    expect(await layoutWidth(page)).toBeLessThanOrEqual(420);
    await page.getByTestId("separation-clear-awards[2].expirationDate").click();
    for (const key of unused) await input(`awards[2].${key}`).waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-path") === "awards[2].kind");
    // the terms read again: the figures are current
    await page.getByTestId("separation-stale").waitFor({ state: "detached" });
    expect(await page.getByTestId("separation-problems").count()).toBe(0);
    // the ISO flag went with them
    await page.getByTestId("separation-group-awards").locator("summary").waitFor();
    await input("awards[2].kind").selectOption("option");
    await input("awards[2].incentiveStockOption").waitFor();
    expect(await input("awards[2].incentiveStockOption").isChecked()).toBe(false);
    await page.close();
  });

  it("the terms as edited survive closing the pane: seed 001 with the executive renamed comes back after a reload", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
    await openSeed(page, "001");
    await page.getByTestId("separation-group-parties").locator("summary").click();
    await page.locator('[data-path="executive"]').fill("Jane Q. Tucker");
    await page.getByTestId("separation-sheet-name").filter({ hasText: "Writes the sheet “Separation Jane Q. Tucker”" }).waitFor();
    // saved once the typing settles (the section's delay, then the settings')
    await page.waitForFunction(() => (localStorage.getItem("optex.preview.settings") ?? "").includes("Jane Q. Tucker"));
    await page.reload();
    await page.getByTestId("separation-totals").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("separation-source").textContent()).toBe("Terms: seed 001 (Tucker, 2006), as last edited (restored)");
    expect(await page.locator('[data-path="executive"]').inputValue()).toBe("Jane Q. Tucker");
    expect(await page.getByTestId("separation-sheet-name").textContent()).toBe("Writes the sheet “Separation Jane Q. Tucker”");
    expect(await cells(page, "separation-totals")).toEqual(["Consulting fees", "$3,000.00", "Repurchase", "$125.00", "Total", "$3,125.00"]);
    // the offer's settings are still there beside them
    await page.getByTestId("filing-fee").waitFor({ timeout: 60_000 });
    await page.getByTestId("separation-section").screenshot({ path: path.join(artifacts, "pane-separation-restored.png") });
    await page.close();
  });

  it("a terms file: a JSON syntax error is refused with its line and column; a good file loads", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
    await openPane(page, pane.base);
    await page.getByTestId("separation-file-input").setInputFiles({ name: "TERMS.json", mimeType: "application/json", buffer: Buffer.from('{\n  "executive": "A"\n  "company": "B"\n}\n') });
    const error = page.getByTestId("separation-load-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^TERMS\.json line 3, column 3: /);
    const seed = fs.readFileSync(path.join(__dirname, "..", "..", "assets", "samples", "separation-2002-almgren", "TERMS.json"));
    await page.getByTestId("separation-file-input").setInputFiles({ name: "almgren.json", mimeType: "application/json", buffer: seed });
    await page.getByTestId("separation-totals").waitFor();
    expect(await page.getByTestId("separation-source").textContent()).toContain("almgren.json");
    expect(await page.getByTestId("separation-load-error").count()).toBe(0);
    await page.close();
  });
});
