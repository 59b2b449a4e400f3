/**
 * The built task pane in a real browser (through playwright-core: OPTEX_CHROMIUM, else a system
 * chromium, else the one @sparticuz/chromium ships; see test/support/browser.ts), in preview mode:
 * it opens with the Capstone example, shows the filing fee, imports a file with bad rows, creates the
 * worksheets, and keeps its settings across a reload. Screenshots go to test-artifacts/, with
 * browser.txt saying which browser took them.
 */
import * as path from "path";
import { artifacts, openPane, servePaneForTests } from "./paneServer";

jest.setTimeout(180_000);

const pane = servePaneForTests();

describe("the task pane in Chromium (preview mode)", () => {
  it("opens with the Capstone example and shows the cover page's figures", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await openPane(page, pane.base);
    expect(await page.getByText("Preview", { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId("ledger-counts").textContent()).toContain("1,089 rows = 1,089 accepted + 0 rejected");
    expect(await page.getByTestId("transaction-valuation").textContent()).toBe("$991,619.92");
    expect(await page.getByTestId("filing-fee").textContent()).toBe("$80.22");
    expect(await page.getByTestId("eligible-shares").textContent()).toContain("1,026,013 shares");
    expect(await page.getByTestId("footnote").textContent()).toContain("options to purchase 1,026,013 shares of common stock of Capstone Turbine Corporation having an aggregate value of $991,619.92 as of June 23, 2003");
    await page.screenshot({ path: path.join(artifacts, "pane.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("creates the worksheets: the Filing Fee sheet's total equals the pane's to the cent", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
    await openPane(page, pane.base);
    await page.getByRole("button", { name: "Create worksheets" }).click();
    const sheet = page.getByTestId("sheet-Filing Fee");
    await sheet.waitFor();
    const rows = await sheet.locator("tr").allTextContents();
    expect(rows.some((r) => r.startsWith("Total Transaction Valuation") && r.includes("991,619.92"))).toBe(true);
    expect(rows.some((r) => r.startsWith("Total Fees Due for Filing") && r.includes("80.22"))).toBe(true);
    expect(rows.some((r) => r.startsWith("Net Fee Due") && r.includes("80.22"))).toBe(true);
    await page.getByRole("tab", { name: "Eligible Options" }).click();
    const first = await page.getByTestId("sheet-Eligible Options").locator("tr").nth(1).locator("td").nth(9).getAttribute("title");
    expect(first).toMatch(/^=OPTEX\.BLACK_SCHOLES_VALUE\(Stock_Price,G2,I2,Volatility,Risk_Free_Rate,Dividend_Yield\)$/);
    await page.screenshot({ path: path.join(artifacts, "pane-worksheets.png"), fullPage: true });
    await page.close();
  });

  it("imports a CSV file and lists each rejected row with its line and reason", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
    await openPane(page, pane.base);
    await page.getByTestId("file-input").setInputFiles({
      name: "export.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "Grant Number,Relationship,Country,Grant Date,Expiration Date,Exercise Price,Options Outstanding\r\n" +
          "A1,Employee,USA,2001-05-01,2011-05-01,$5.00,\"1,000\"\r\n" +
          "A2,Employee,USA,2001-05-01,2011-05-01,$0,100\r\n" +
          "A1,Employee,USA,2001-05-01,2011-05-01,$5.00,100\r\n",
      ),
    });
    await page.getByText("export.csv").waitFor();
    expect(await page.getByTestId("ledger-counts").textContent()).toContain("3 rows = 1 accepted + 2 rejected");
    const errors = await page.getByTestId("row-errors").textContent();
    expect(errors).toContain("Line 3 (exercise_price): exercise price 0 must be > 0");
    expect(errors).toContain("Line 4 (grant_id): grant id A1 repeats the record on line 2");
    await page.close();
  });

  it("a UTF-16 export with two share columns: says how it was read, reads nothing until the user chooses; the example's offer is cleared", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
    await openPane(page, pane.base);
    const text =
      "Grant Number\tRelationship\tCountry\tGrant Date\tExpiration Date\tExercise Price\tShares\tOptions Outstanding\r\n" +
      "Gé1\tEmployee\tUSA\t2001-05-01\t2011-05-01\t$5.00\t1,000\t600\r\n";
    await page.getByTestId("file-input").setInputFiles({
      name: "unicode.txt",
      mimeType: "text/plain",
      buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    });
    await page.getByText("unicode.txt").waitFor();
    // the example's offer does not carry over to this ledger
    expect(await page.getByTestId("notice").textContent()).toContain("The example's offer terms were cleared");
    expect(await page.locator("input[data-field=issuerName]").inputValue()).toBe("");
    expect(await page.getByTestId("ledger-counts").textContent()).toContain("1 row = 0 accepted + 1 rejected");
    expect(await page.getByTestId("ledger-source").textContent()).toBe("Read as UTF-16LE (byte order mark), tab-separated, CRLF line breaks");
    expect(await page.getByTestId("mapping-conflicts").textContent()).toContain('2 columns fit shares_outstanding: "Shares" (column 7) and "Options Outstanding" (column 8)');
    expect(await page.getByTestId("valuation-error").textContent()).toContain("The ledger's columns are not all mapped");
    await page.getByRole("combobox", { name: "File column for shares_outstanding" }).click();
    await page.getByRole("option", { name: "Options Outstanding" }).click();
    await page.getByTestId("ledger-counts").filter({ hasText: "1 row = 1 accepted + 0 rejected" }).waitFor();
    expect(await page.getByTestId("mapping-conflicts").count()).toBe(0);
    expect(await page.getByTestId("valuation-error").textContent()).toContain("offer.issuerName is required");
    await page.screenshot({ path: path.join(artifacts, "pane-mapping.png"), fullPage: true });
    await page.close();
  });

  it("an offer that does not read clears the figures and says which field is wrong", async () => {
    const page = await pane.browser.newPage({ viewport: { width: 420, height: 900 } });
    await openPane(page, pane.base);
    await page.locator("input[data-field=volatility]").fill("");
    await page.getByTestId("valuation-error").waitFor();
    expect(await page.getByTestId("valuation-error").textContent()).toBe("The offer cannot be valued: offer.volatility is required (Volatility)");
    expect(await page.getByTestId("filing-fee").count()).toBe(0);
    await page.close();
  });

  it("keeps the offer's settings across a reload", async () => {
    const context = await pane.browser.newContext({ viewport: { width: 420, height: 900 } });
    const page = await context.newPage();
    await openPane(page, pane.base);
    const volatility = page.locator("input[data-field=volatility]");
    await volatility.fill("0.8");
    await page.getByTestId("transaction-valuation").filter({ hasNotText: "$991,619.92" }).waitFor();
    const changed = await page.getByTestId("transaction-valuation").textContent();
    await page.waitForTimeout(800); // settings are saved after 400 ms
    await page.reload();
    await page.getByTestId("filing-fee").waitFor({ timeout: 60_000 });
    expect(await page.locator("input[data-field=volatility]").inputValue()).toBe("0.8");
    await page.getByTestId("transaction-valuation").filter({ hasText: changed! }).waitFor();
    await context.close();
  });
});
