import * as React from "react";
import {
  Body1, Button, Caption1, makeStyles, mergeClasses, MessageBar, MessageBarBody, Subtitle2, Table, TableBody, TableCell, TableRow, tokens,
} from "@fluentui/react-components";
import { VerticalBarChart } from "@fluentui/react-charts";
import { OfferTerms } from "../../core/offer/offerTerms";
import { ExchangeCost, ModelValuation, OfferValuation } from "../../core/offer/valueOffer";
import { count, dollars, feeFootnote } from "../../core/offer/feeTable";
import { BandTable, ChartFigure, shortBand } from "./ChartFigure";

/** Axis labels: $621, $42K, $1M (never "$0k" for a small offer). */
const COMPACT_DOLLARS = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 0 });

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  figure: { fontVariantNumeric: "tabular-nums", textAlign: "right" },
  fee: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  part: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2 },
  strong: { fontWeight: tokens.fontWeightSemibold },
});

/** 0.1 -> "10%", 0.125 -> "12.5%". */
function percentOf(x: number): string {
  return `${(x * 100).toLocaleString("en-US", { maximumFractionDigits: 4 })}%`;
}

/** A number as the pane shows an assumption: up to 4 decimals. */
function plain(x: number): string {
  return x.toLocaleString("en-US", { maximumFractionDigits: 4 });
}

/** The lattice's assumptions in a line: "vesting in 1 year, 10% leave a year, exercised at 2.5 x the exercise price, 100 steps a year". */
function latticeWords(a: NonNullable<ModelValuation["assumptions"]>): string {
  return [
    a.vestingYears === 0 ? "vested" : `vesting in ${plain(a.vestingYears)} year${a.vestingYears === 1 ? "" : "s"}`,
    `${percentOf(a.exitRate)} of holders leave a year`,
    a.exerciseMultiple === undefined ? "never exercised early" : `exercised at ${plain(a.exerciseMultiple)} x the exercise price`,
    `${count(a.stepsPerYear)} steps a year`,
  ].join(", ");
}

/** What the valuation reports beyond the filing's figures: the policy's model, the exchange's cost (absent in an older valuation). */
type Extras = Partial<Pick<OfferValuation, "feeModel" | "modelValuation" | "exchangeCost">>;

/**
 * The accounting value under the offer's model, beside the filing's Black-Scholes figure, when the
 * model is another; and the exchange's incremental fair value with its value-for-value ratio.
 * Nothing when the valuation reports neither.
 */
export function ModelAndExchange({ valuation }: { valuation: OfferValuation }): React.JSX.Element | null {
  const styles = useStyles();
  const { feeModel, modelValuation: model, exchangeCost: cost } = valuation as Extras;
  const otherModel = model !== undefined && !model.sameAsFee && model.id !== feeModel?.id;
  if (!otherModel && !cost) return null;
  return (
    <>
      {otherModel && (
        <div className={styles.part} data-testid="model-valuation">
          <h3 className={styles.heading} id="model-title">
            Fair value of the eligible options
          </h3>
          <Table size="small" aria-labelledby="model-title">
            <TableBody>
              <TableRow>
                <TableCell>{feeModel?.label ?? "Black-Scholes"} (the filing fee&apos;s)</TableCell>
                <TableCell className={styles.figure} data-testid="fee-model-value">
                  {dollars(valuation.transactionValuation)}
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell>
                  {model.label} (the offer&apos;s model)
                </TableCell>
                <TableCell className={styles.figure} data-testid="model-value">
                  {dollars(model.value)}
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
          {model.assumptions && <Caption1 className={styles.note}>{model.label}: {latticeWords(model.assumptions)}. The filing fee stays on Black-Scholes.</Caption1>}
        </div>
      )}
      {cost && <ExchangeCostView cost={cost} />}
    </>
  );
}

function ExchangeCostView({ cost }: { cost: ExchangeCost }): React.JSX.Element {
  const styles = useStyles();
  if (!cost.available) {
    return (
      <Caption1 className={styles.note} data-testid="exchange-cost-absent">
        Exchange&apos;s incremental fair value: not figured. {cost.note}.
      </Caption1>
    );
  }
  const ratio = cost.valueForValueRatio;
  return (
    <div className={styles.part} data-testid="exchange-cost">
      <h3 className={styles.heading} id="exchange-title">
        The exchange&apos;s incremental cost
      </h3>
      <Table size="small" aria-labelledby="exchange-title">
        <TableBody>
          <TableRow>
            <TableCell>
              New options: {count(cost.newShares)} shares at {dollars(String(cost.newOption.strike))}, {plain(cost.newOption.termYears)} years
            </TableCell>
            <TableCell className={styles.figure} data-testid="exchange-new-value">
              {dollars(cost.newValue)}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableCell>Eligible options before the exchange: {count(cost.oldShares)} shares</TableCell>
            <TableCell className={styles.figure} data-testid="exchange-old-value">
              {dollars(cost.oldValue)}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableCell className={styles.strong}>Incremental fair value</TableCell>
            <TableCell className={mergeClasses(styles.figure, styles.strong)} data-testid="incremental-fair-value">
              {dollars(cost.incrementalFairValue)}
            </TableCell>
          </TableRow>
          {ratio !== null && (
            <TableRow>
              <TableCell>Value-for-value ratio (offer: {plain(cost.exchangeRatio)})</TableCell>
              <TableCell className={styles.figure} data-testid="value-for-value-ratio">
                {plain(ratio)} old for 1 new
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      <Caption1 className={styles.note} data-testid="exchange-cost-note">
        New options at the money, valued on the same market, minus the eligible options before the exchange; ASC 718-20-35-3 ({cost.modelLabel}, every eligible option
        exchanged).
      </Caption1>
    </div>
  );
}

/** "1 grant", "2 grants". */
function plural(n: number, noun: string): string {
  return `${count(n)} ${noun}${n === 1 ? "" : "s"}`;
}

/** Rows of "name | n grants | n shares". */
function CountsTable({ label, rows }: { label: string; rows: { name: string; grants: number; shares: number }[] }): React.JSX.Element {
  const styles = useStyles();
  return (
    <Table size="extra-small" aria-label={label}>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.name}>
            <TableCell>{r.name}</TableCell>
            <TableCell className={styles.figure}>{plural(r.grants, "grant")}</TableCell>
            <TableCell className={styles.figure}>{plural(r.shares, "share")}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export interface ResultsSectionProps {
  valuation?: OfferValuation;
  terms?: OfferTerms;
  error?: string;
  busy: boolean;
  onCreateWorksheets: () => void;
}

/** The figures, the chart of value by exercise-price band (with its table), the footnote, and "Create worksheets". */
export function ResultsSection({ valuation: v, terms, error, busy, onCreateWorksheets }: ResultsSectionProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="results-title">
      <Subtitle2 id="results-title">3. Valuation and filing fee</Subtitle2>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody data-testid="valuation-error">{error}</MessageBarBody>
        </MessageBar>
      )}
      {!v && !error && <Body1>Import a ledger to value the offer.</Body1>}
      {v && terms && (
        <>
          {v.warnings.map((w, i) => (
            <MessageBar key={`${w.code}-${i}`} intent="warning" data-warning-code={w.code}>
              <MessageBarBody data-testid="valuation-warning">{w.message}</MessageBarBody>
            </MessageBar>
          ))}
          <Table size="small" aria-label="Valuation figures">
            <TableBody>
              <TableRow>
                <TableCell>Eligible options</TableCell>
                <TableCell className={styles.figure} data-testid="eligible-shares">
                  {plural(v.eligibleShares, "share")}, {plural(v.eligibleCount, "grant")}
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell>All outstanding options</TableCell>
                <TableCell className={styles.figure}>{count(v.outstandingShares)} shares</TableCell>
              </TableRow>
              <TableRow>
                <TableCell>Eligible / outstanding</TableCell>
                <TableCell className={styles.figure}>{v.eligiblePercentOfOutstanding}%</TableCell>
              </TableRow>
              {v.eligiblePercentOfCommon && (
                <TableRow>
                  <TableCell>Eligible / common stock</TableCell>
                  <TableCell className={styles.figure}>{v.eligiblePercentOfCommon}%</TableCell>
                </TableRow>
              )}
              <TableRow>
                <TableCell>Transaction valuation</TableCell>
                <TableCell className={styles.figure} data-testid="transaction-valuation">
                  {dollars(v.transactionValuation)}
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell>Fee rate per $1,000,000</TableCell>
                <TableCell className={styles.figure}>
                  {dollars(v.feeRatePerMillion, Math.max(2, v.feeRatePerMillion.split(".")[1]?.length ?? 0))} {v.feeRateSource === "FEE_RATE" ? "(SEC rate on the filing date)" : "(entered)"}
                </TableCell>
              </TableRow>
              <TableRow>
                <TableCell className={styles.fee}>Filing fee</TableCell>
                <TableCell className={mergeClasses(styles.figure, styles.fee)} data-testid="filing-fee">
                  {dollars(v.filingFee)}
                </TableCell>
              </TableRow>
              {v.feesPreviouslyPaid !== "0.00" && (
                <TableRow>
                  <TableCell>Net fee due</TableCell>
                  <TableCell className={styles.figure}>{dollars(v.netFeeDue)}</TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
          <ModelAndExchange valuation={v} />
          <ChartFigure
            caption="Eligible value by exercise price"
            data-testid="value-chart"
            chart={(width) => (
              <VerticalBarChart
                chartTitle="Eligible value by exercise price"
                data={v.bands.map((b) => ({ x: shortBand(b.label), y: Number(b.eligibleValue), legend: b.label, yAxisCalloutData: dollars(b.eligibleValue), xAxisCalloutData: `${count(b.eligibleShares)} eligible shares` }))}
                width={width}
                height={220}
                hideLegend
                useSingleColor
                showYAxisLables
                yAxisTickFormat={(y: number) => COMPACT_DOLLARS.format(y)}
              />
            )}
          >
            <BandTable
              label="Eligible value by exercise price"
              bands={v.bands}
              columns={[
                { head: "Outstanding", cell: (b) => count(b.shares) },
                { head: "Eligible", cell: (b) => count(b.eligibleShares) },
                { head: "Value", cell: (b) => dollars(b.eligibleValue) },
              ]}
            />
          </ChartFigure>
          <details>
            <summary>
              <Caption1>Statistics: holdings by class, why grants are not eligible</Caption1>
            </summary>
            <CountsTable label="Holdings by class" rows={v.byClass.map((c) => ({ name: c.holderClass, ...c }))} />
            <CountsTable label="Not eligible" rows={v.ineligible.map((r) => ({ name: `not eligible: ${r.reason}`, ...r }))} />
          </details>
          <Caption1 data-testid="footnote">(1) {feeFootnote(v, terms)}</Caption1>
          {v.tenderUnits.length > 0 && (
            <Caption1>{count(v.tenderUnits.length)} holders have same-day grants (e.g. an ISO + NSO split) that must be tendered together.</Caption1>
          )}
          <div>
            <Button appearance="primary" disabled={busy} onClick={onCreateWorksheets}>
              Create worksheets
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
