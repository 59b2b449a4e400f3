import * as React from "react";
import { Dropdown, Field, Input, makeStyles, MessageBar, MessageBarBody, Option, Subtitle2, tokens } from "@fluentui/react-components";
import { DatePicker } from "@fluentui/react-datepicker-compat";
import { OfferFieldError } from "../../core/offer/offerTerms";
import { errorsFor, OFFER_FIELDS, OfferForm, termsFromForm } from "../state/offerForm";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(160px, 1fr))", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, alignItems: "start" },
  control: { width: "100%", minWidth: 0 },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
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
}

/** The offer's terms and the valuation assumptions; each field shows its own problems. */
export function OfferSection({ form, errors: given, onChange }: OfferSectionProps): React.JSX.Element {
  const styles = useStyles();
  const read = React.useMemo(() => (given ? undefined : termsFromForm(form).errors), [given, form]);
  const errors = given ?? read ?? [];
  // problems that name no field of the form (none come from the form today; kept for safety)
  const unplaced = errors.filter((e) => !e.fields.some((name) => OFFER_FIELDS.some((f) => f.name === name)));
  return (
    <section className={styles.section} aria-labelledby="offer-title">
      <Subtitle2 id="offer-title">2. Offer and assumptions</Subtitle2>
      <div className={styles.grid}>
        {OFFER_FIELDS.map((f) => {
          const value = form[f.name] ?? "";
          const messages = errorsFor(errors, f.name);
          const invalid = messages.length > 0;
          return (
            <Field
              key={f.name}
              label={f.label}
              hint={f.hint}
              required={f.required}
              validationState={invalid ? "error" : "none"}
              validationMessage={invalid ? <span data-testid={`field-error-${f.name}`}>{messages.join("; ")}</span> : undefined}
            >
              {f.kind === "date" ? (
                <DatePicker
                  className={styles.control}
                  value={toDate(value)}
                  formatDate={(d) => toIso(d)}
                  parseDateFromString={(s) => toDate(s.trim()) ?? (null as unknown as Date)}
                  allowTextInput
                  placeholder="YYYY-MM-DD"
                  onSelectDate={(d) => onChange(f.name, toIso(d))}
                  aria-label={f.label}
                  input={{ "data-field": f.name } as Record<string, string>}
                />
              ) : f.kind === "choice" ? (
                <Dropdown className={styles.control} value={value} placeholder={f.placeholder ? `${f.placeholder} (default)` : undefined} selectedOptions={value ? [value] : []} onOptionSelect={(_, d) => onChange(f.name, d.optionValue ?? "")} aria-label={f.label}>
                  {(f.choices ?? []).map((c) => (
                    <Option key={c} value={c}>
                      {c}
                    </Option>
                  ))}
                </Dropdown>
              ) : (
                <Input
                  className={styles.control}
                  value={value}
                  placeholder={f.placeholder}
                  inputMode={f.kind === "number" ? "decimal" : undefined}
                  onChange={(_, d) => onChange(f.name, d.value)}
                  data-field={f.name}
                />
              )}
            </Field>
          );
        })}
      </div>
      {unplaced.map((e, i) => (
        <MessageBar key={i} intent="error">
          <MessageBarBody>{e.message}</MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}
