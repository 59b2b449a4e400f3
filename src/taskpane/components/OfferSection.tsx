import * as React from "react";
import { Dropdown, Field, Input, makeStyles, MessageBar, MessageBarBody, Option, Subtitle2, tokens } from "@fluentui/react-components";
import { DatePicker } from "@fluentui/react-datepicker-compat";
import { OFFER_FIELDS, OfferForm } from "../state/offerForm";

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
  error?: string;
  onChange: (name: string, value: string) => void;
}

/** The offer's terms and the valuation assumptions. */
export function OfferSection({ form, error, onChange }: OfferSectionProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="offer-title">
      <Subtitle2 id="offer-title">2. Offer and assumptions</Subtitle2>
      <div className={styles.grid}>
        {OFFER_FIELDS.map((f) => {
          const value = form[f.name] ?? "";
          const invalid = error?.startsWith(`offer.${f.name} `) ?? false;
          return (
            <Field key={f.name} label={f.label} hint={f.hint} required={f.required} validationState={invalid ? "error" : "none"} validationMessage={invalid ? error : undefined}>
              {f.kind === "date" ? (
                <DatePicker
                  className={styles.control}
                  value={toDate(value)}
                  formatDate={(d) => toIso(d)}
                  parseDateFromString={(s) => toDate(s.trim()) ?? (null as unknown as Date)}
                  allowTextInput
                  onSelectDate={(d) => onChange(f.name, toIso(d))}
                  aria-label={f.label}
                  input={{ "data-field": f.name } as Record<string, string>}
                />
              ) : f.kind === "choice" ? (
                <Dropdown className={styles.control} value={value} selectedOptions={[value]} onOptionSelect={(_, d) => onChange(f.name, d.optionValue ?? "")} aria-label={f.label}>
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
                  inputMode={f.kind === "number" ? "decimal" : undefined}
                  onChange={(_, d) => onChange(f.name, d.value)}
                  data-field={f.name}
                />
              )}
            </Field>
          );
        })}
      </div>
      {error && !OFFER_FIELDS.some((f) => error.startsWith(`offer.${f.name} `)) && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
