import * as React from "react";
import {
  Badge, Body1, Caption1, Caption1Strong, makeStyles, mergeClasses, MessageBar, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens,
} from "@fluentui/react-components";
import { LineChart } from "@fluentui/react-charts";
import { Money } from "../../core/separations/money";
import {
  AwardOutcome, ContingentPayment, PAYMENT_KINDS, PaymentKind, PaymentTotals, ScenarioOutcome, SeparationFlag, SeparationFlagCode, SeparationResult, TerminationReason,
} from "../../core/separations/types";
import { isoDate, money, shares, withCumulative } from "../state/separation";
import { ChartFigure, niceMax } from "./ChartFigure";
import { Heading } from "./Heading";
import { SeparationTimeline } from "./SeparationTimeline";

const useStyles = makeStyles({
  results: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  part: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  figure: { fontVariantNumeric: "tabular-nums", textAlign: "right", whiteSpace: "nowrap" },
  figureHead: { textAlign: "right", justifyContent: "flex-end" },
  // the header cell's content sits in its button slot: aligned there, over the figures
  headButton: { justifyContent: "flex-end", textAlign: "right", width: "100%" },
  nowrap: { whiteSpace: "nowrap" },
  auto: { tableLayout: "auto" },
  scroll: { maxHeight: "420px", overflow: "auto", border: `1px solid ${tokens.colorNeutralStroke2}` },
  kind: { whiteSpace: "nowrap", color: tokens.colorNeutralForeground2, display: "block" },
  top: { verticalAlign: "top", paddingTop: "4px", paddingBottom: "4px" },
  total: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  award: { display: "flex", flexDirection: "column", gap: "2px", paddingTop: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  awardHead: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  flags: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  sumRow: { borderTop: `1px solid ${tokens.colorNeutralStroke1}` },
  scenario: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, paddingTop: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  scenarioName: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  groupRow: { fontWeight: tokens.fontWeightSemibold, paddingTop: "4px" },
  flagList: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: "2px" },
});

const REASON_WORDS: Record<TerminationReason, string> = {
  resignation: "resignation",
  "without-cause": "without cause",
  "for-cause": "for cause",
  "death-or-disability": "death or disability",
};

const KIND_WORDS: Record<PaymentKind, string> = {
  salary: "Salary",
  "salary-balance": "Salary balance",
  installment: "Installments",
  "lump-sum": "Lump sums",
  consulting: "Consulting fees",
  benefits: "Benefits",
  repurchase: "Repurchase",
};

const COMPACT_DOLLARS = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });

/** A serial as a JavaScript date at midnight UTC (the chart's x axis, shown in UTC). */
function utcDate(serial: number): Date {
  return new Date(`${isoDate(serial)}T00:00:00Z`);
}

/** A date in running text, never broken at its hyphens. */
function D({ serial }: { serial: number | undefined }): React.JSX.Element {
  return <span style={{ whiteSpace: "nowrap" }}>{isoDate(serial)}</span>;
}

/** Totals by kind, in the order the kinds are listed, then the total. */
function TotalsTable({ totals, label, testId }: { totals: PaymentTotals; label: string; testId: string }): React.JSX.Element {
  const styles = useStyles();
  const kinds = PAYMENT_KINDS.filter((k) => totals.byKind[k] !== undefined);
  return (
    <Table size="extra-small" className={styles.auto} aria-label={label} data-testid={testId}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Kind</TableHeaderCell>
          <TableHeaderCell className={styles.figureHead} button={{ className: styles.headButton }}>Amount</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {kinds.map((k) => (
          <TableRow key={k} data-kind={k}>
            <TableCell>{KIND_WORDS[k]}</TableCell>
            <TableCell className={styles.figure}>{money(totals.byKind[k] as Money)}</TableCell>
          </TableRow>
        ))}
        <TableRow data-kind="total">
          <TableCell className={styles.total}>Total</TableCell>
          <TableCell className={mergeClasses(styles.figure, styles.total)}>{money(totals.total)}</TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}

/**
 * Programs not due on these facts, each with why (and the amount it would have been): a condition
 * that does not hold, a balance with nothing left to pay, salary paydays after the employment end.
 */
function ContingentList({ contingent, label, testId }: { contingent: readonly ContingentPayment[]; label: string; testId: string }): React.JSX.Element | null {
  const styles = useStyles();
  if (contingent.length === 0) return null;
  return (
    <Table size="extra-small" aria-label={label} data-testid={testId}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Not due</TableHeaderCell>
          <TableHeaderCell>Why</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {contingent.map((c) => (
          <TableRow key={c.source} data-source={c.source}>
            <TableCell className={styles.top}>
              <div>{c.description}</div>
              <Caption1 className={styles.muted}>
                {KIND_WORDS[c.kind]}
                {c.amount !== undefined ? `, ${money(c.amount)}` : ""}
              </Caption1>
            </TableCell>
            <TableCell className={styles.top}>
              <Caption1>{c.reason}</Caption1>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The header of a table that sets a scenario beside the terms as agreed. */
function CompareHeader({ first }: { first: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <TableHeader>
      <TableRow>
        <TableHeaderCell>{first}</TableHeaderCell>
        <TableHeaderCell className={styles.figureHead} button={{ className: styles.headButton }}>
          As agreed
        </TableHeaderCell>
        <TableHeaderCell className={styles.figureHead} button={{ className: styles.headButton }}>
          This scenario
        </TableHeaderCell>
      </TableRow>
    </TableHeader>
  );
}

/** The payments as a step chart of the cash paid so far, and the schedule as its table. */
const Payments = React.memo(function Payments({ result: r }: { result: SeparationResult }): React.JSX.Element {
  const styles = useStyles();
  const rows = React.useMemo(() => withCumulative(r.payments), [r.payments]);
  const points = React.useMemo(() => {
    const byDay: { x: Date; y: number; xAxisCalloutData: string; yAxisCalloutData: string }[] = [];
    for (const p of rows) {
      const last = byDay[byDay.length - 1];
      const point = { x: utcDate(p.date), y: p.cumulative.toNumber(), xAxisCalloutData: isoDate(p.date), yAxisCalloutData: money(p.cumulative) };
      if (last && last.xAxisCalloutData === point.xAxisCalloutData) byDay[byDay.length - 1] = point;
      else byDay.push(point);
    }
    if (byDay.length > 0) byDay.unshift({ ...byDay[0], y: 0, yAxisCalloutData: money(0) });
    return byDay;
  }, [rows]);
  if (rows.length === 0) return <Body1>No payments on these facts.</Body1>;
  return (
    <ChartFigure
      caption="Cumulative cash: the payment schedule"
      data-testid="separation-cash-chart"
      chart={(width) => (
        <LineChart
          data={{
            chartTitle: "Cumulative cash paid",
            lineChartData: [{ legend: "Paid so far", data: points, color: tokens.colorBrandBackground, lineOptions: { curve: "stepAfter" } }],
          }}
          width={width}
          height={220}
          hideLegend
          showYAxisLables
          useUTC
          xAxisTickCount={4}
          customDateTimeFormatter={(d: Date) => d.toISOString().slice(0, 7)}
          yMinValue={0}
          yMaxValue={niceMax(points.length > 0 ? points[points.length - 1].y : 0)}
          yAxisTickCount={4}
          yAxisTickFormat={(y: number) => COMPACT_DOLLARS.format(y)}
        />
      )}
    >
      <div className={styles.scroll} tabIndex={0} role="region" aria-label="Payment schedule (scrolls)">
        {/* three columns fit the pane: the date with the kind under it, the payment, the amount with the running total under it */}
        <Table size="extra-small" className={styles.auto} aria-label="Payment schedule" data-testid="separation-payments">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Date, kind</TableHeaderCell>
              <TableHeaderCell>Payment</TableHeaderCell>
              <TableHeaderCell className={styles.figureHead} button={{ className: styles.headButton }}>
                Amount, cumulative
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((p, i) => (
              <TableRow key={i} data-kind={p.kind} data-source={p.source}>
                <TableCell className={styles.top}>
                  <div className={styles.nowrap} data-testid="payment-date">
                    {isoDate(p.date)}
                  </div>
                  <Caption1 className={styles.kind} data-testid="payment-kind">
                    {p.kind}
                  </Caption1>
                </TableCell>
                <TableCell className={styles.top}>{p.description}</TableCell>
                <TableCell className={mergeClasses(styles.figure, styles.top)}>
                  <div data-testid="payment-amount">{money(p.amount)}</div>
                  <Caption1 className={styles.kind} data-testid="payment-cumulative">
                    {money(p.cumulative)}
                  </Caption1>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </ChartFigure>
  );
});

/** Consulting months as billed, and benefits coverage. */
function ConsultingAndBenefits({ result: r }: { result: SeparationResult }): React.JSX.Element | null {
  const styles = useStyles();
  if (!r.consulting && r.benefits.length === 0) return null;
  return (
    <>
      {r.consulting && <Caption1Strong>Consulting, by month (hours beyond those included are billed)</Caption1Strong>}
      {r.consulting && (
        <Table size="extra-small" className={styles.auto} aria-label={`Consulting ${isoDate(r.consulting.startDate)} to ${isoDate(r.consulting.endDate)}, by month`} data-testid="separation-consulting">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Month</TableHeaderCell>
              <TableHeaderCell className={styles.figureHead} button={{ className: styles.headButton }}>Hours (billed)</TableHeaderCell>
              <TableHeaderCell className={styles.figureHead} button={{ className: styles.headButton }}>Fee</TableHeaderCell>
              <TableHeaderCell className={styles.figureHead} button={{ className: styles.headButton }}>Due by</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {r.consulting.months.map((m) => (
              <TableRow key={m.month} data-month={isoDate(m.month).slice(0, 7)}>
                <TableCell className={styles.nowrap}>{isoDate(m.month).slice(0, 7)}</TableCell>
                <TableCell className={styles.figure}>
                  {m.hours} ({m.billableHours})
                </TableCell>
                <TableCell className={styles.figure}>{money(m.fee)}</TableCell>
                <TableCell className={styles.figure}>{isoDate(m.dueDate)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {r.benefits.map((b, i) => (
        <Body1 key={i} data-testid="separation-benefit">
          {b.description}: covered <D serial={b.startDate} /> to <D serial={b.endDate} />.
        </Body1>
      ))}
    </>
  );
}

const FLAG_WORDS: Record<SeparationFlagCode, string> = {
  "section-409a": "Section 409A",
  "iso-taxed-as-nso": "Incentive stock option taxed as nonqualified",
  "type-iii-reversal": "Type III: original cost reversed",
  "expired-before-modification": "Expired before the modification",
  "adea-minimum": "Release periods below the ADEA minimum",
};

const TYPE_WORDS: Record<AwardOutcome["modificationType"], string> = {
  none: "not modified",
  I: "Type I (probable to probable)",
  III: "Type III (improbable to probable)",
  "I+III": "Types I and III",
  cancellation: "cancellation",
};

/** An option's Black-Scholes value a share to four places ("$0.8486"), or a dash. */
function perShare(v?: { perShare: number; termYears: number }): string {
  return v ? `$${v.perShare.toFixed(4)}` : "—";
}

/** The term an option was valued at, in years ("0.25"), or a dash. */
function termYears(v?: { perShare: number; termYears: number }): string {
  return v ? v.termYears.toFixed(2) : "—";
}

/**
 * One award before and after the agreement: where its shares go (vested, cancelled by the agreement,
 * forfeited under its own terms, repurchased: together the award's shares), then the exercise
 * window and, when the terms give a market, the values.
 */
function AwardTable({ award: a, valued }: { award: AwardOutcome; valued: boolean }): React.JSX.Element {
  const styles = useStyles();
  const option = a.kind === "option";
  const row = (label: React.ReactNode, before: React.ReactNode, after: React.ReactNode, testId?: string, className?: string) => (
    <TableRow data-testid={testId} className={className}>
      <TableCell>{label}</TableCell>
      <TableCell className={styles.figure}>{before}</TableCell>
      <TableCell className={styles.figure}>{after}</TableCell>
    </TableRow>
  );
  const one = (label: React.ReactNode, value: React.ReactNode, testId?: string, className?: string) => row(label, "", value, testId, className);
  return (
    <div className={styles.award} data-testid={`separation-award-${a.awardId}`}>
      <div className={styles.awardHead}>
        <strong>{a.awardId}</strong>
        <Caption1 className={styles.muted}>
          {option ? "option" : "restricted stock"}, {shares(a.shares)} shares
        </Caption1>
        <Badge appearance="tint" color={a.modificationType === "none" ? "informative" : a.modificationType === "cancellation" ? "danger" : "warning"} size="small">
          {TYPE_WORDS[a.modificationType]}
        </Badge>
      </div>
      <Table size="extra-small" className={styles.auto} aria-label={`${a.awardId}: before and after the agreement`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Shares</TableHeaderCell>
            <TableHeaderCell className={styles.figureHead} button={{ className: styles.headButton }}>Before</TableHeaderCell>
            <TableHeaderCell className={styles.figureHead} button={{ className: styles.headButton }}>After</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {row("Vested", shares(a.vestedBefore), shares(a.vestedShares), "award-vested")}
          {one("Cancelled by the agreement", shares(a.cancelledShares), "award-cancelled")}
          {one("Forfeited under its terms", shares(a.forfeitedShares), "award-forfeited")}
          {(!option || a.repurchasedShares > 0) && one("Repurchased", shares(a.repurchasedShares), "award-repurchased")}
          {one(<span className={styles.total}>Total</span>, <span className={styles.total}>{shares(a.shares)}</span>, "award-shares", styles.sumRow)}
          {a.acceleratedShares > 0 && one("Accelerated vesting", shares(a.acceleratedShares), "award-accelerated", styles.sumRow)}
          {option &&
            row(
              "Last exercise day",
              a.vestedBefore > 0 ? isoDate(a.expirationBefore) || "—" : "— (none vested)",
              a.vestedShares > 0 ? isoDate(a.expirationAfter) || "—" : "— (none vested)",
              "award-expiry",
              styles.sumRow,
            )}
          {valued && option && (a.valueBefore || a.valueAfter) && row("Value a share", perShare(a.valueBefore), perShare(a.valueAfter), "award-per-share")}
          {valued && option && (a.valueBefore || a.valueAfter) && row("Term valued (years)", termYears(a.valueBefore), termYears(a.valueAfter), "award-term")}
          {valued && row("Fair value", money(a.fairValueBefore), money(a.fairValueAfter), "award-fair-value")}
          {valued && one("Incremental fair value", money(a.incrementalFairValue), "award-incremental")}
        </TableBody>
      </Table>
    </div>
  );
}

/** A scenario's totals by kind beside the terms as agreed (a kind paid in neither is left out). */
function ScenarioTotals({ agreed, scenario, testId, label }: { agreed: PaymentTotals; scenario: PaymentTotals; testId: string; label: string }): React.JSX.Element {
  const styles = useStyles();
  const kinds = PAYMENT_KINDS.filter((k) => agreed.byKind[k] !== undefined || scenario.byKind[k] !== undefined);
  const cell = (m: Money | undefined) => (m === undefined ? "—" : money(m));
  return (
    <Table size="extra-small" className={styles.auto} aria-label={label} data-testid={testId}>
      <CompareHeader first="Kind" />
      <TableBody>
        {kinds.map((k) => (
          <TableRow key={k} data-kind={k}>
            <TableCell>{KIND_WORDS[k]}</TableCell>
            <TableCell className={styles.figure}>{cell(agreed.byKind[k])}</TableCell>
            <TableCell className={styles.figure}>{cell(scenario.byKind[k])}</TableCell>
          </TableRow>
        ))}
        <TableRow data-kind="total" className={styles.sumRow}>
          <TableCell className={styles.total}>Total</TableCell>
          <TableCell className={mergeClasses(styles.figure, styles.total)}>{money(agreed.total)}</TableCell>
          <TableCell className={mergeClasses(styles.figure, styles.total)}>{money(scenario.total)}</TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}

/** What an award change is compared on, as the pane writes it (equal text: no change shown). */
function awardFacts(a: AwardOutcome, valued: boolean): [label: string, text: string][] {
  const facts: [string, string][] = [
    ["Vested shares", shares(a.vestedShares)],
    ["Accelerated", shares(a.acceleratedShares)],
    ["Cancelled by the agreement", shares(a.cancelledShares)],
    ["Forfeited under its terms", shares(a.forfeitedShares)],
    ["Repurchased", shares(a.repurchasedShares)],
  ];
  if (a.kind === "option") facts.push(["Last exercise day", a.vestedShares > 0 ? isoDate(a.expirationAfter) || "—" : "— (none vested)"]);
  if (valued) facts.push(["Fair value after", money(a.fairValueAfter)], ["Incremental fair value", money(a.incrementalFairValue)]);
  facts.push(["Modification", TYPE_WORDS[a.modificationType]]);
  return facts;
}

/** A scenario's awards where they differ from the terms as agreed: each award changed, then each figure that changes. */
function ScenarioAwards({ agreed, scenario, valued, testId, label }: { agreed: readonly AwardOutcome[]; scenario: readonly AwardOutcome[]; valued: boolean; testId: string; label: string }): React.JSX.Element | null {
  const styles = useStyles();
  if (scenario.length === 0) return null;
  const changed = scenario
    .map((a, i) => {
      const base = agreed.find((b) => b.awardId === a.awardId) ?? agreed[i];
      const before = base ? awardFacts(base, valued) : [];
      const after = awardFacts(a, valued);
      const rows = after.filter(([l, text]) => before.find(([bl]) => bl === l)?.[1] !== text).map(([l, text]) => ({ label: l, agreed: before.find(([bl]) => bl === l)?.[1] ?? "—", scenario: text }));
      return { award: a, rows };
    })
    .filter((c) => c.rows.length > 0);
  if (changed.length === 0) {
    return (
      <Body1 data-testid={testId}>
        <strong>Awards:</strong> as agreed.
      </Body1>
    );
  }
  const same = scenario.length - changed.length;
  return (
    <>
      <Table size="extra-small" className={styles.auto} aria-label={label} data-testid={testId}>
        <CompareHeader first="Award, what changes" />
        <TableBody>
          {changed.map(({ award, rows }) => (
            <React.Fragment key={award.awardId}>
              <TableRow data-award={award.awardId}>
                <TableCell colSpan={3} className={styles.groupRow}>
                  {award.awardId}
                </TableCell>
              </TableRow>
              {rows.map((c) => (
                <TableRow key={c.label} data-award={award.awardId} data-change={c.label}>
                  <TableCell>{c.label}</TableCell>
                  <TableCell className={styles.figure}>{c.agreed}</TableCell>
                  <TableCell className={styles.figure}>{c.scenario}</TableCell>
                </TableRow>
              ))}
            </React.Fragment>
          ))}
        </TableBody>
      </Table>
      {same > 0 && (
        <Caption1 className={styles.muted}>
          {same === 1 ? "The other award is" : `The other ${same} awards are`} as agreed.
        </Caption1>
      )}
    </>
  );
}

/** Flags as a short list: what each is, the award, and the model's words. */
function FlagList({ flags, testId }: { flags: readonly SeparationFlag[]; testId: string }): React.JSX.Element {
  const styles = useStyles();
  if (flags.length === 0) {
    return (
      <Body1 data-testid={testId}>
        <strong>Flags:</strong> none.
      </Body1>
    );
  }
  return (
    <div data-testid={testId}>
      <Caption1Strong>Flags (not computed here)</Caption1Strong>
      <ul className={styles.flagList}>
        {flags.map((f, i) => (
          <li key={i} data-code={f.code}>
            <Caption1>
              <strong>
                {FLAG_WORDS[f.code] ?? f.code}
                {f.awardId ? ` (${f.awardId})` : ""}:
              </strong>{" "}
              {f.message}
            </Caption1>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The scenarios' totals beside the terms as agreed, then each scenario: its dates, its payments by kind, what is not due, its awards. */
function Scenarios({ result: r }: { result: SeparationResult }): React.JSX.Element {
  const styles = useStyles();
  const t = r.terms;
  return (
    <>
      <Table size="extra-small" className={styles.auto} aria-label="Scenarios: total paid" data-testid="separation-scenarios">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Scenario</TableHeaderCell>
            <TableHeaderCell className={styles.figureHead} button={{ className: styles.headButton }}>
              Total
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            <TableCell>
              <div>As agreed</div>
              <Caption1 className={styles.muted}>
                employment ends <D serial={t.employmentEndDate} /> ({REASON_WORDS[t.terminationReason]})
              </Caption1>
            </TableCell>
            <TableCell className={styles.figure}>{money(r.totals.total)}</TableCell>
          </TableRow>
          {r.scenarios.map((s, i) => (
            <TableRow key={i}>
              <TableCell>
                <div>{s.name}</div>
                <Caption1 className={styles.muted}>
                  employment ends <D serial={s.employmentEndDate} /> ({REASON_WORDS[s.terminationReason]})
                </Caption1>
              </TableCell>
              <TableCell className={styles.figure}>{money(s.totals.total)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {r.scenarios.map((s, i) => (
        <ScenarioDetail key={i} scenario={s} index={i} result={r} />
      ))}
    </>
  );
}

function ScenarioDetail({ scenario: s, index, result: r }: { scenario: ScenarioOutcome; index: number; result: SeparationResult }): React.JSX.Element {
  const styles = useStyles();
  const t = r.terms;
  const valued = t.market !== undefined;
  const id = React.useId();
  const testId = `separation-scenario-${index}`;
  return (
    <div className={styles.scenario} role="group" aria-labelledby={id} data-testid={testId}>
      <h4 id={id} className={styles.scenarioName}>
        Scenario {index + 1}: {s.name}
      </h4>
      <Table size="extra-small" className={styles.auto} aria-label={`Scenario ${index + 1}: dates, beside the terms as agreed`} data-testid={`${testId}-dates`}>
        <CompareHeader first="Dates" />
        <TableBody>
          <TableRow data-date="employment-end">
            <TableCell>Employment ends</TableCell>
            <TableCell className={styles.figure}>{isoDate(t.employmentEndDate)}</TableCell>
            <TableCell className={styles.figure}>{isoDate(s.employmentEndDate)}</TableCell>
          </TableRow>
          <TableRow data-date="reason">
            <TableCell>Why</TableCell>
            <TableCell className={styles.figure}>{REASON_WORDS[t.terminationReason]}</TableCell>
            <TableCell className={styles.figure}>{REASON_WORDS[s.terminationReason]}</TableCell>
          </TableRow>
          <TableRow data-date="service-end">
            <TableCell>Service ends</TableCell>
            <TableCell className={styles.figure}>{isoDate(r.serviceEndDate)}</TableCell>
            <TableCell className={styles.figure}>{isoDate(s.serviceEndDate)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <ScenarioTotals agreed={r.totals} scenario={s.totals} label={`Scenario ${index + 1}: totals by kind, beside the terms as agreed`} testId={`${testId}-totals`} />
      <ContingentList contingent={s.contingent} label={`Scenario ${index + 1}: not due`} testId={`${testId}-contingent`} />
      <ScenarioAwards agreed={r.awards} scenario={s.awards} valued={valued} label={`Scenario ${index + 1}: awards that differ from the terms as agreed`} testId={`${testId}-awards`} />
      <Body1 data-testid={`${testId}-incremental`}>
        Incremental fair value: <strong>{money(s.incrementalFairValue)}</strong> <span className={styles.muted}>(as agreed: {money(r.incrementalFairValue)})</span>
      </Body1>
      <FlagList flags={s.flags} testId={`${testId}-flags`} />
    </div>
  );
}

/** Everything computed from the terms: the dates, the payments, the awards, the flags, the scenarios. */
export function SeparationResults({ result: r }: { result: SeparationResult }): React.JSX.Element {
  const styles = useStyles();
  const ids = { dates: React.useId(), payments: React.useId(), awards: React.useId(), flags: React.useId(), scenarios: React.useId() };
  const t = r.terms;
  return (
    <div className={styles.results} data-testid="separation-results">
      <Body1>
        <strong>{t.executive}</strong>, {t.company}: {t.agreementName} dated <D serial={t.agreementDate} />, effective <D serial={r.agreementEffectiveDate} />. Employment
        ends <D serial={t.employmentEndDate} /> ({REASON_WORDS[t.terminationReason]}); service ends <D serial={r.serviceEndDate} />.
      </Body1>
      <div className={styles.part} role="group" aria-labelledby={ids.dates}>
        <Heading id={ids.dates}>Dates</Heading>
        <SeparationTimeline events={r.timeline} caption="The separation's dates, in order" />
      </div>
      <div className={styles.part} role="group" aria-labelledby={ids.payments}>
        <Heading id={ids.payments}>Payments</Heading>
        <Payments result={r} />
        <TotalsTable totals={r.totals} label="Totals by kind" testId="separation-totals" />
        <ContingentList contingent={r.contingent} label="Not due on these facts" testId="separation-contingent" />
        <ConsultingAndBenefits result={r} />
      </div>
      {r.awards.length > 0 && (
        <div className={styles.part} role="group" aria-labelledby={ids.awards}>
          <Heading id={ids.awards}>Equity awards</Heading>
          {r.awards.map((a) => (
            <AwardTable key={a.awardId} award={a} valued={t.market !== undefined} />
          ))}
          <Body1 data-testid="separation-incremental">
            Total incremental fair value: <strong>{money(r.incrementalFairValue)}</strong>
            {t.market ? (
              <>
                {" "}
                (Black-Scholes-Merton on <D serial={t.market.modificationDate} />
                {r.awards.some((a) => a.kind === "restricted-stock") ? "; restricted stock at the stock price less its purchase price" : ""})
              </>
            ) : (
              " (no award is changed in a way that needs valuing: the terms give no market)"
            )}
          </Body1>
        </div>
      )}
      {r.flags.length > 0 && (
        <div className={mergeClasses(styles.part, styles.flags)} role="group" aria-labelledby={ids.flags}>
          <Heading id={ids.flags}>Flags</Heading>
          {r.flags.map((f, i) => (
            <MessageBar key={i} intent="warning" data-testid="separation-flag" data-code={f.code}>
              <MessageBarBody>
                <MessageBarTitle>
                  {FLAG_WORDS[f.code] ?? f.code}
                  {f.awardId ? ` (${f.awardId})` : ""}
                </MessageBarTitle>
                {f.message}
              </MessageBarBody>
            </MessageBar>
          ))}
        </div>
      )}
      {r.scenarios.length > 0 && (
        <div className={styles.part} role="group" aria-labelledby={ids.scenarios}>
          <Heading id={ids.scenarios}>Scenarios</Heading>
          <Scenarios result={r} />
        </div>
      )}
    </div>
  );
}
