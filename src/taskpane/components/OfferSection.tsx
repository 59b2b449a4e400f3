import * as React from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { DatePicker } from "@fluentui/react-datepicker-compat";
import { OfferFieldError } from "../../core/offer/offerTerms";
import {
  AmendmentRow,
  amendmentRows,
  amendmentsFormText,
  blankAmendment,
  ELECTION_FIELD_LABELS,
  errorsAt,
  errorsFor,
  FieldSpec,
  FORM_KEYS,
  isShown,
  OFFER_FIELDS,
  OfferForm,
  termsFromForm,
  unusedNote,
} from "../state/offerForm";
import { VolatilityFromPrices, VolatilityFromPricesProps } from "./VolatilityFromPrices";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(160px, 1fr))", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, alignItems: "start" },
  wide: { gridColumn: "1 / -1" },
  control: { width: "100%", minWidth: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  fieldset: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, margin: 0, padding: tokens.spacingHorizontalS, minWidth: 0 },
  legend: { paddingInline: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  amendment: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, alignItems: "end", paddingBlock: tokens.spacingVerticalXS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  error: { color: tokens.colorPaletteRedForeground1 },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, paddingBlock: tokens.spacingVerticalXS },
});

/** "2003-06-23" -> a local Date for the picker (the pane only; the core works on serials). */
function toDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

function toIso(date: Date | null | undefined): string {
  if (!date) return "";
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

export interface OfferSectionProps {
  form: OfferForm;
  /** The form's problems (termsFromForm(form).errors); read from the form when not given. */
  errors?: readonly OfferFieldError[];
  onChange: (name: string, value: string) => void;
  /** "From closing prices…" beside the volatility (left out when not given). */
  volatilityFromPrices?: Omit<VolatilityFromPricesProps, "volatility">;
}

const ELECTIONS = "elections";

/** A field's messages under it, or its note (a warning: the value is not used), or nothing. */
function validation(messages: string[], testId: string, note?: string): Pick<React.ComponentProps<typeof Field>, "validationState" | "validationMessage"> {
  if (messages.length > 0) return { validationState: "error", validationMessage: <span data-testid={testId}>{messages.join("; ")}</span> };
  if (note) return { validationState: "warning", validationMessage: <span data-testid={testId.replace(/^field-error-/, "field-note-")}>{note}</span> };
  return { validationState: "none", validationMessage: undefined };
}

function DateInput({ value, label, dataField, onChange }: { value: string; label: string; dataField: string; onChange: (iso: string) => void }): React.JSX.Element {
  const styles = useStyles();
  return (
    <DatePicker
      className={styles.control}
      value={toDate(value)}
      formatDate={(d) => toIso(d)}
      parseDateFromString={(s) => toDate(s.trim()) ?? (null as unknown as Date)}
      allowTextInput
      placeholder="YYYY-MM-DD"
      onSelectDate={(d) => onChange(toIso(d))}
      aria-label={label}
      input={{ "data-field": dataField } as Record<string, string>}
    />
  );
}

/** One field of the form: a text, number, date or choice input under its label, hint and problems. */
function SimpleField({ f, form, errors, onChange }: { f: FieldSpec; form: OfferForm; errors: readonly OfferFieldError[]; onChange: (name: string, value: string) => void }): React.JSX.Element {
  const styles = useStyles();
  const value = form[f.name] ?? "";
  return (
    <Field label={f.label} hint={f.hint} required={f.required} {...validation(errorsFor(errors, f.name), `field-error-${f.name}`, unusedNote(f, form))}>
      {f.kind === "date" ? (
        <DateInput value={value} label={f.label} dataField={f.name} onChange={(iso) => onChange(f.name, iso)} />
      ) : f.kind === "choice" ? (
        <Dropdown className={styles.control} value={value} placeholder={f.placeholder ? `${f.placeholder} (default)` : undefined} selectedOptions={value ? [value] : []} onOptionSelect={(_, d) => onChange(f.name, d.optionValue ?? "")} aria-label={f.label}>
          {(f.choices ?? []).map((c) => (
            <Option key={c} value={c}>
              {c}
            </Option>
          ))}
        </Dropdown>
      ) : (
        <Input className={styles.control} value={value} placeholder={f.placeholder} inputMode={f.kind === "number" ? "decimal" : undefined} onChange={(_, d) => onChange(f.name, d.value)} data-field={f.name} />
      )}
    </Field>
  );
}

/** A field of several inputs: a labelled group, with the field's own problems below it. */
function FieldGroup({ f, errors, children }: { f: FieldSpec; errors: readonly OfferFieldError[]; children: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  const own = errorsAt(errors, f.name);
  return (
    <fieldset className={`${styles.fieldset} ${styles.wide}`} data-field={f.name}>
      <legend className={styles.legend}>{f.label}</legend>
      {children}
      {own.length > 0 && (
        <Caption1 className={styles.error} role="alert" data-testid={`field-error-${f.name}`}>
          {own.join("; ")}
        </Caption1>
      )}
    </fieldset>
  );
}

/** An object-valued field (the new option's vesting): one number input per key, in a labelled group. */
function PartsField({ f, form, errors, onChange }: { f: FieldSpec; form: OfferForm; errors: readonly OfferFieldError[]; onChange: (name: string, value: string) => void }): React.JSX.Element {
  const styles = useStyles();
  return (
    <FieldGroup f={f} errors={errors}>
      <div className={styles.grid}>
        {(f.parts ?? []).map((p) => (
          <Field key={p.name} label={p.label} hint={p.hint} {...validation(errorsFor(errors, p.name), `field-error-${p.name}`)}>
            <Input className={styles.control} value={form[p.name] ?? ""} inputMode="decimal" onChange={(_, d) => onChange(p.name, d.value)} data-field={p.name} />
          </Field>
        ))}
      </div>
    </FieldGroup>
  );
}

/** The amendments list: each amendment's date, what it changed and a description; add and remove. */
function AmendmentsField({ f, form, errors, onChange }: { f: FieldSpec; form: OfferForm; errors: readonly OfferFieldError[]; onChange: (name: string, value: string) => void }): React.JSX.Element {
  const styles = useStyles();
  const rows = amendmentRows(form[f.name]);
  const write = (next: AmendmentRow[]) => onChange(f.name, amendmentsFormText(next));
  const set = (i: number, patch: Partial<AmendmentRow>) => write(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <FieldGroup f={f} errors={errors}>
      <Caption1>Schedule TO-I/A: a change in the consideration or in the number of options sought keeps the offer open 10 business days from the notice.</Caption1>
      {rows.length === 0 && <Caption1 data-testid="amendments-none">None.</Caption1>}
      {rows.map((r, i) => {
        const at = `${f.name}[${i}]`;
        const n = i + 1;
        const rowMessages = errors
          .filter((e) => (e.field === at || e.field.startsWith(`${at}.`)) && e.field !== `${at}.date` && e.field !== `${at}.description`)
          .map((e) => e.message);
        return (
          <div key={i} className={styles.amendment} role="group" aria-label={`Amendment ${n}`} data-testid={`amendment-${i}`}>
            <Field label={`Amendment ${n}: date`} required {...validation(errorsFor(errors, `${at}.date`), `field-error-${at}.date`)}>
              <DateInput value={r.date} label={`Amendment ${n}: date`} dataField={`${at}.date`} onChange={(iso) => set(i, { date: iso })} />
            </Field>
            <Checkbox label="Consideration changed" checked={r.considerationChanged === true} onChange={(_, d) => set(i, { considerationChanged: d.checked === true })} data-field={`${at}.considerationChanged`} />
            <Checkbox label="Number sought changed" checked={r.numberSoughtChanged === true} onChange={(_, d) => set(i, { numberSoughtChanged: d.checked === true })} data-field={`${at}.numberSoughtChanged`} />
            <Field label={`Amendment ${n}: description`} {...validation(errorsFor(errors, `${at}.description`), `field-error-${at}.description`)}>
              <Input className={styles.control} value={r.description} onChange={(_, d) => set(i, { description: d.value })} data-field={`${at}.description`} />
            </Field>
            <Button appearance="subtle" aria-label={`Remove amendment ${n}`} onClick={() => write(rows.filter((_, k) => k !== i))}>
              Remove
            </Button>
            {rowMessages.length > 0 && (
              <Caption1 className={`${styles.error} ${styles.wide}`} role="alert" data-testid={`field-error-${at}`}>
                {rowMessages.join("; ")}
              </Caption1>
            )}
          </div>
        );
      })}
      <div>
        <Button onClick={() => write([...rows, blankAmendment()])}>Add amendment</Button>
      </div>
    </FieldGroup>
  );
}

function AnyField(props: { f: FieldSpec; form: OfferForm; errors: readonly OfferFieldError[]; onChange: (name: string, value: string) => void }): React.JSX.Element {
  if (props.f.kind === "vesting") return <PartsField {...props} />;
  if (props.f.kind === "amendments") return <AmendmentsField {...props} />;
  return <SimpleField {...props} />;
}

/** The names an error can be shown at: every input of the form and the amendments list. */
function placed(e: OfferFieldError): boolean {
  return e.fields.some((name) => FORM_KEYS.includes(name) || OFFER_FIELDS.some((f) => f.name === name));
}

/** The offer's terms and the valuation assumptions; each field shows its own problems. */
export function OfferSection({ form, errors: given, onChange, volatilityFromPrices }: OfferSectionProps): React.JSX.Element {
  const styles = useStyles();
  const read = React.useMemo(() => (given ? undefined : termsFromForm(form).errors), [given, form]);
  const errors = given ?? read ?? [];
  // a field shown on a condition (the Hull-White lattice's assumptions) appears when the condition
  // holds, and stays while it holds a value or a problem (isShown): nothing typed is hidden
  const shown = OFFER_FIELDS.filter((f) => isShown(f, form, errors));
  const main = shown.filter((f) => f.group !== ELECTIONS);
  const elections = shown.filter((f) => f.group === ELECTIONS);
  // the elections group (collapsed at first) opens by itself when one of its fields has a problem, so no message is hidden
  const electionNames = new Set(elections.map((f) => f.name as string));
  const electionsInvalid = errors.some((e) => e.fields.some((name) => electionNames.has(name.split(/[.[]/)[0])));
  const [open, setOpen] = React.useState(false);
  // problems that name no field of the form (none come from the form today; kept for safety)
  const unplaced = errors.filter((e) => !placed(e));
  return (
    <section className={styles.section} aria-labelledby="offer-title">
      <Subtitle2 id="offer-title">2. Offer and assumptions</Subtitle2>
      <div className={styles.grid}>
        {main.map((f) => (
          <React.Fragment key={f.name}>
            {f.name === "volatility" && volatilityFromPrices ? (
              <VolatilityFromPrices volatility={form.volatility ?? ""} {...volatilityFromPrices}>
                <AnyField f={f} form={form} errors={errors} onChange={onChange} />
              </VolatilityFromPrices>
            ) : (
              <AnyField f={f} form={form} errors={errors} onChange={onChange} />
            )}
          </React.Fragment>
        ))}
      </div>
      <details open={open || electionsInvalid} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="elections-terms">
        <summary className={styles.summary}>Elections and the new option</summary>
        <div className={styles.section}>
          <Caption1>Not needed for the valuation. The elections need {ELECTION_FIELD_LABELS.join(", ").toLowerCase()}; the others have the defaults shown.</Caption1>
          <div className={styles.grid}>
            {elections.map((f) => (
              <AnyField key={f.name} f={f} form={form} errors={errors} onChange={onChange} />
            ))}
          </div>
        </div>
      </details>
      {unplaced.map((e, i) => (
        <MessageBar key={i} intent="error">
          <MessageBarBody>{e.message}</MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}
