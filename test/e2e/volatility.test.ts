/**
 * Issue 10 in the built pane (Chromium, preview mode): the offer's volatility from the preview
 * workbook's SYNTHETIC "Prices" sheet (src/taskpane/workbook/previewPrices.ts) over the last 252
 * closes, the figure the core's historicalVolatility gives for the same prices, the Assumptions sheet's
 * Volatility kept as the live OPTEX.HISTORICAL_VOLATILITY formula on exactly that range (also after a
 * reload), the pane axe-clean and 420 pixels wide with the control open; and the valuation's model
 * and the exchange's incremental cost in the results. Screenshots go to test-artifacts/.
 */
import * as path from "path";
import { Page } from "playwright-core";
import { artifacts, layoutWidth, openPane, servePaneForTests } from "./paneServer";
import { expectNoAxeViolations } from "./axe";
import { historicalVolatility } from "../../src/core/options/historicalVolatility";
import { serialToIso } from "../../src/core/dates/serial";
import { previewPrices } from "../../src/taskpane/workbook/previewPrices";
import { volatilityText } from "../../src/taskpane/state/volatility";

jest.setTimeout(180_000);

const pane = servePaneForTests();

/** The synthetic closes, and the figure for their last 252 (the core's, computed here). */
const { dates, closes } = previewPrices();
const LAST_252 = closes.slice(-252);
const EXPECTED = historicalVolatility(LAST_252);
const FORMULA = "=OPTEX.HISTORICAL_VOLATILITY('Prices'!$B$3:$B$254)";

/** Opens "From closing prices…" and chooses the Prices sheet's closes, the last 252, daily. */
async function chooseLast252(page: Page): Promise<void> {
  await page.getByRole("button", { name: "From closing prices…" }).click();
  await page.getByTestId("volatility-panel").waitFor();
  await page.getByTestId("prices-source").selectOption("sheet:Prices");
  await page.getByTestId("prices-column").selectOption("1");
  await page.getByTestId("prices-window").selectOption("252");
  await page.getByTestId("prices-periods").selectOption("252");
  await page.getByTestId("prices-result").waitFor();
}

/** The Assumptions sheet's Volatility cell in the preview workbook: its value and formula. */
async function assumptionsVolatility(page: Page): Promise<{ shown: string; formula: string | null }> {
  await page.getByRole("tab", { name: "Assumptions" }).click();
  const row = page.getByTestId("sheet-Assumptions").locator("tr").filter({ has: page.locator("td", { hasText: /^Volatility$/ }) });
  const cell = row.locator("td").nth(1);
  return { shown: (await cell.textContent()) ?? "", formula: await cell.getAttribute("title") };
}

describe("volatility from closing prices in the workbook (preview mode)", () => {
  it("fills the volatility from the Prices sheet's last 252 closes: the core's figure, the window, and the live formula on the Assumptions sheet", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await openPane(page, pane.base);
    await chooseLast252(page);

    // the figure is the core's for the same 252 prices, to the last digit
    expect(await page.getByTestId("prices-volatility-decimal").textContent()).toBe(volatilityText(EXPECTED));
    expect(await page.getByTestId("prices-volatility").textContent()).toBe(`${(EXPECTED * 100).toFixed(2)}%`);
    expect(await page.getByTestId("prices-window-text").textContent()).toBe(`252 prices (251 returns), rows 3–254, Date ${serialToIso(dates[1])} to 2003-06-23; 252 a year.`);
    expect(await page.getByTestId("prices-formula").textContent()).toBe(FORMULA);

    // as the user sees it, then axe with the control open (and every other part), no wider than the pane
    await page.getByTestId("volatility-panel").screenshot({ path: path.join(artifacts, "pane-volatility-from-prices.png") });
    expect(await layoutWidth(page)).toBeLessThanOrEqual(420);
    await expectNoAxeViolations(page);
    expect(await layoutWidth(page)).toBeLessThanOrEqual(420);

    // "Use": the form's volatility is the figure (a decimal), the valuation follows, the link is said
    const before = await page.getByTestId("transaction-valuation").textContent();
    await page.getByRole("button", { name: `Use ${(EXPECTED * 100).toFixed(2)}% as the volatility` }).click();
    expect(await page.locator("input[data-field=volatility]").inputValue()).toBe(volatilityText(EXPECTED));
    expect(Number(await page.locator("input[data-field=volatility]").inputValue())).toBe(EXPECTED);
    await page.getByTestId("transaction-valuation").filter({ hasNotText: before! }).waitFor();
    expect(await page.getByTestId("volatility-link").textContent()).toContain(FORMULA);
    expect(await page.getByRole("button", { name: "In use as the volatility" }).isDisabled()).toBe(true);
    await page.locator("section[aria-labelledby=offer-title]").screenshot({ path: path.join(artifacts, "pane-offer-volatility-linked.png") });

    // the worksheets: the Assumptions sheet's Volatility is the live formula on exactly that range
    await page.getByRole("button", { name: "Create worksheets" }).click();
    await page.getByTestId("sheet-Filing Fee").waitFor();
    const cell = await assumptionsVolatility(page);
    expect(cell.formula).toBe(FORMULA);
    expect(Number(cell.shown)).toBeCloseTo(EXPECTED, 6);
    await page.getByRole("region", { name: "Workbook preview" }).screenshot({ path: path.join(artifacts, "pane-assumptions-volatility.png") });

    // a volatility typed by hand is the number typed: the link goes, and the next worksheets hold the number
    await page.locator("input[data-field=volatility]").fill("0.9");
    await page.getByTestId("volatility-link").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Create worksheets" }).click();
    await page.getByTestId("notice").filter({ hasText: "Worksheets created" }).waitFor();
    expect(await assumptionsVolatility(page)).toEqual({ shown: "0.9", formula: null });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says which cell is not a price: the dates column chosen as the prices; a window longer than the data", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
    await openPane(page, pane.base);
    await chooseLast252(page);
    await page.getByTestId("prices-column").selectOption("0");
    await page.getByTestId("prices-error").waitFor();
    expect(await page.getByTestId("prices-error").textContent()).toBe(`'Prices'!A3: holds a date (${serialToIso(dates[1])}), not a closing price: choose the column of closing prices.`);
    expect(await page.getByTestId("prices-result").count()).toBe(0);
    // the Note column: one line of text, then blanks
    await page.getByTestId("prices-column").selectOption("2");
    await page.getByTestId("prices-window").selectOption("21");
    await page.getByTestId("prices-error").filter({ hasText: "The last 21 prices were asked for" }).waitFor();
    await page.getByTestId("prices-window").selectOption("all");
    await page.getByTestId("prices-error").filter({ hasText: "'Prices'!C2: prices at row 1, column 1" }).waitFor();
    expect(await page.getByTestId("prices-error").textContent()).toContain("must be a number, not text");
    // the closes again, all 253 of them
    await page.getByTestId("prices-column").selectOption("1");
    await page.getByTestId("prices-result").waitFor();
    expect(await page.getByTestId("prices-volatility-decimal").textContent()).toBe(volatilityText(historicalVolatility(closes)));
    expect(await page.getByTestId("prices-formula").textContent()).toBe("=OPTEX.HISTORICAL_VOLATILITY('Prices'!$B$2:$B$254)");
    await page.getByTestId("prices-periods").selectOption("52");
    await page.getByTestId("prices-formula").filter({ hasText: "=OPTEX.HISTORICAL_VOLATILITY('Prices'!$B$2:$B$254,52)" }).waitFor();
    await page.getByTestId("volatility-panel").screenshot({ path: path.join(artifacts, "pane-volatility-weekly.png") });
    await page.close();
  });

  it("keeps the link across a reload: the worksheets still get the formula", async () => {
    const context = await pane.browser.newContext({ viewport: { width: 420, height: 900 } });
    const page = await context.newPage();
    await openPane(page, pane.base);
    await chooseLast252(page);
    await page.getByRole("button", { name: /^Use .* as the volatility$/ }).click();
    await page.getByTestId("volatility-link").waitFor();
    await page.waitForTimeout(800); // settings are saved after 400 ms
    await page.reload();
    await page.getByTestId("filing-fee").waitFor({ timeout: 60_000 });
    expect(await page.locator("input[data-field=volatility]").inputValue()).toBe(volatilityText(EXPECTED));
    expect(await page.getByTestId("volatility-link").textContent()).toContain(FORMULA);
    await page.getByRole("button", { name: "Create worksheets" }).click();
    await page.getByTestId("sheet-Filing Fee").waitFor();
    expect((await assumptionsVolatility(page)).formula).toBe(FORMULA);
    await context.close();
  });
});

describe("the valuation's model and the exchange's incremental cost in the results", () => {
  it("the example: the exchange's incremental fair value with its explanation; with hull-white, both values named, the fee unchanged", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await openPane(page, pane.base);
    const cost = page.getByTestId("exchange-cost");
    await cost.waitFor();
    expect(await page.getByTestId("incremental-fair-value").textContent()).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(await page.getByTestId("exchange-cost-note").textContent()).toContain(
      "New options at the money, valued on the same market, minus the eligible options before the exchange; ASC 718-20-35-3",
    );
    // Black-Scholes is the offer's model: one value, no model table
    expect(await page.getByTestId("model-valuation").count()).toBe(0);

    // the Hull-White lattice's assumptions are not in the form until the model is hull-white
    for (const name of ["vestingYears", "exitRate", "exerciseMultiple", "stepsPerYear"]) expect(await page.locator(`input[data-field=${name}]`).count()).toBe(0);

    // the Hull-White lattice: its value beside the fee's Black-Scholes figure, each named; the fee stays
    await page.getByRole("combobox", { name: "Valuation model" }).click();
    await page.getByRole("option", { name: "hull-white" }).click();
    await page.locator("input[data-field=vestingYears]").fill("0");
    await page.locator("input[data-field=exitRate]").fill("0.1");
    await page.locator("input[data-field=exerciseMultiple]").fill("2.5");
    const model = page.getByTestId("model-valuation");
    await model.waitFor();
    expect(await page.getByTestId("fee-model-value").textContent()).toBe("$991,619.92");
    expect(await page.getByTestId("model-value").textContent()).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(await page.getByTestId("model-value").textContent()).not.toBe("$991,619.92");
    expect(await model.textContent()).toMatch(/Hull-White/);
    expect(await page.getByTestId("filing-fee").textContent()).toBe("$80.22");
    await page.locator("section[aria-labelledby=results-title]").screenshot({ path: path.join(artifacts, "pane-results-model.png") });
    expect(await layoutWidth(page)).toBeLessThanOrEqual(420);
    await expectNoAxeViolations(page);

    // back to black-scholes: the values typed stay in view, each marked unused; the blank one goes
    await page.getByRole("combobox", { name: "Valuation model" }).click();
    await page.getByRole("option", { name: "black-scholes" }).click();
    await page.getByTestId("field-note-exitRate").waitFor();
    expect(await page.locator("input[data-field=exitRate]").inputValue()).toBe("0.1");
    expect(await page.getByTestId("field-note-vestingYears").textContent()).toMatch(/^Not used while the valuation model is "black-scholes"/);
    expect(await page.locator("input[data-field=stepsPerYear]").count()).toBe(0);
    expect(await page.getByTestId("model-valuation").count()).toBe(0);
    expect(await page.getByTestId("filing-fee").textContent()).toBe("$80.22");
    // and the valuation warns, naming the three
    await page.getByText("offer.vestingYears (0), offer.exitRate (0.1), offer.exerciseMultiple (2.5) are not used", { exact: false }).waitFor();
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});
