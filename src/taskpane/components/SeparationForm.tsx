import * as React from "react";
import { Badge, Button, Caption1, Checkbox, Field, Input, makeStyles, mergeClasses, Select, tokens } from "@fluentui/react-components";
import { SeparationFieldError } from "../../core/separations/terms";
import { SEPARATION_SCHEMA, TermsFieldDef } from "../../core/separations/termsSchema";
import { errorsAtField, fieldUse, FormGroup, FormNode, FormPath, groupHasValue, itemLabel, itemWord, pathText, SeparationForm as Form } from "../state/separation";

const useStyles = makeStyles({
  groups: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  details: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, minWidth: 0 },
  summary: {
    cursor: "pointer",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightSemibold,
    display: "list-item",
  },
  summaryNote: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, marginLeft: tokens.spacingHorizontalXS },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}` },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
    alignItems: "start",
    // a long word in a hint ("supplementalReleaseEffective") wraps rather than running past the column
    overflowWrap: "anywhere",
  },
  // a grid cell may shrink below its input's intrinsic width (an input with a list of events has one)
  cell: { minWidth: 0 },
  wide: { gridColumn: "1 / -1", minWidth: 0 },
  control: { width: "100%", minWidth: 0 },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: { backgroundColor: tokens.colorNeutralBackground2 },
  legend: { paddingInline: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  block: { display: "block", marginBottom: tokens.spacingVerticalXXS },
  hint: { color: tokens.colorNeutralForeground2 },
  itemHead: { display: "flex", justifyContent: "flex-end" },
});

/** A hint as a sentence: a full stop at its end. */
function sentence(text: string): string {
  return text.endsWith(".") ? text : `${text}.`;
}

/** The hint under a field: the schema's hint, what a blank means, when it is required. */
function hintOf(f: TermsFieldDef): string {
  const parts = [sentence(f.hint)];
  if (f.requiredWhen) parts.push(`Required when ${f.requiredWhen}.`);
  if (f.blankMeans !== undefined && f.kind !== "object" && f.kind !== "list") parts.push(`Blank: ${f.blankMeans}.`);
  return parts.join(" ");
}

const PLACEHOLDERS: Partial<Record<TermsFieldDef["kind"], string>> = {
  date: "YYYY-MM-DD",
  month: "YYYY-MM",
  dateRef: "YYYY-MM-DD or an event",
};

interface NodeProps {
  f: TermsFieldDef;
  path: FormPath;
  /** The whole form (a field only some kinds take looks up its object's kind, or an outer object's). */
  root: Form;
  errors: readonly SeparationFieldError[];
  onSet: (path: FormPath, value: string) => void;
  onAdd: (path: FormPath) => void;
  onRemove: (path: FormPath, index: number) => void;
}

/**
 * A field's problems, as Fluent's Field shows them; a note (its object's kind does not take it) is a
 * warning when there is no problem, and otherwise leads the hint (see `hintWith`).
 */
function validation(messages: string[], path: string, note?: string): Pick<React.ComponentProps<typeof Field>, "validationState" | "validationMessage"> {
  if (messages.length > 0) return { validationState: "error", validationMessage: <span data-testid={`separation-error-${path}`}>{messages.join("; ")}</span> };
  if (note) return { validationState: "warning", validationMessage: <span data-testid={`separation-note-${path}`}>{note}</span> };
  return { validationState: "none", validationMessage: undefined };
}

/** The hint under a field, led by its note when the field's problems take the validation message. */
function HintWith({ f, path, note, problems }: { f: TermsFieldDef; path: string; note?: string; problems: boolean }): React.JSX.Element {
  const styles = useStyles();
  if (!note || !problems) return <>{hintOf(f)}</>;
  return (
    <>
      <span className={mergeClasses(styles.warning, styles.block)} data-testid={`separation-note-${path}`}>
        {note}
      </span>
      {hintOf(f)}
    </>
  );
}

/** One input: text, a date, a number, a choice or a flag, under its label and hint, with its problems. */
function LeafField({ f, path, value, errors, onSet, note }: Omit<NodeProps, "onAdd" | "onRemove" | "root"> & { value: string; note?: string }): React.JSX.Element {
  const styles = useStyles();
  const at = pathText(path);
  const listId = React.useId();
  const set = (v: string) => onSet(path, v);
  const messages = errorsAtField(errors, at, f.label);
  if (f.kind === "flag") {
    return (
      <Field hint={<HintWith f={f} path={at} note={note} problems={messages.length > 0} />} {...validation(messages, at, note)}>
        <Checkbox label={f.label} checked={value === "true"} onChange={(_, d) => set(d.checked === true ? "true" : value === "false" ? "false" : "")} data-path={at} />
      </Field>
    );
  }
  if (f.kind === "choice") {
    const choices = f.choices ?? [];
    return (
      <Field label={f.label} hint={<HintWith f={f} path={at} note={note} problems={messages.length > 0} />} required={f.required} {...validation(messages, at, note)}>
        <Select className={styles.control} select={{ className: styles.control }} value={value} onChange={(_, d) => set(d.value)} data-path={at}>
          <option value="">{f.required ? "Choose…" : `Blank: ${f.blankMeans ?? "not given"}`}</option>
          {choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
          {value !== "" && !choices.includes(value) && <option value={value}>{value}</option>}
        </Select>
      </Field>
    );
  }
  const numeric = f.kind === "money" || f.kind === "number" || f.kind === "count";
  return (
    <Field label={f.label} hint={<HintWith f={f} path={at} note={note} problems={messages.length > 0} />} required={f.required} {...validation(messages, at, note)}>
      <Input
        className={styles.control}
        input={{ className: styles.control }}
        value={value}
        placeholder={f.blankMeans !== undefined && f.kind !== "date" ? `blank: ${f.blankMeans}`.slice(0, 40) : PLACEHOLDERS[f.kind]}
        inputMode={numeric ? "decimal" : undefined}
        list={f.kind === "dateRef" ? listId : undefined}
        autoComplete="off"
        onChange={(_, d) => set(d.value)}
        data-path={at}
      />
      {f.kind === "dateRef" && (
        <datalist id={listId}>
          {(f.choices ?? []).map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      )}
    </Field>
  );
}

/** An object's hint in the form: its words, what leaving it blank means (a hint that only lists its keys is left out: its fields show them). */
function groupHint(f: TermsFieldDef): string {
  const parts = f.hint.startsWith("{") ? [] : [sentence(f.hint)];
  if (f.blankMeans && f.kind === "object") parts.push(`Leave it blank: ${f.blankMeans}.`);
  if (f.requiredWhen) parts.push(`Required when ${f.requiredWhen}.`);
  return parts.join(" ");
}

/** A group's own problems (about the object or list itself, not one of its fields). */
function OwnErrors({ path, label, errors }: { path: string; label: string; errors: readonly SeparationFieldError[] }): React.JSX.Element | null {
  const styles = useStyles();
  const own = errorsAtField(errors, path, label);
  if (own.length === 0) return null;
  return (
    <Caption1 className={styles.error} data-testid={`separation-error-${path}`}>
      {own.join("; ")}
    </Caption1>
  );
}

/**
 * The fields of an object (or of a list's item), laid out in a grid; objects and lists span it. A
 * field only some kinds take is left out for another kind, unless it holds a value (then it is
 * marked "Not used for this kind").
 */
function Fields({ fields, group, path, ...rest }: Omit<NodeProps, "f"> & { fields: readonly TermsFieldDef[]; group: FormGroup }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.grid}>
      {fields.map((f) => {
        const at = [...path, f.key];
        const use = fieldUse(rest.root, at, f, rest.errors);
        if (!use.shown) return null;
        return (
          <div key={f.key} className={f.kind === "object" || f.kind === "list" ? styles.wide : styles.cell}>
            <AnyField f={f} path={at} node={group.values[f.key]} note={use.note} {...rest} />
          </div>
        );
      })}
    </div>
  );
}

/** An object inside the form: a labelled group of its fields. */
function ObjectField({ f, path, node, note, ...rest }: NodeProps & { node: FormGroup; note?: string }): React.JSX.Element {
  const styles = useStyles();
  const at = pathText(path);
  return (
    <fieldset className={styles.fieldset} data-group-path={at}>
      <legend className={styles.legend}>{f.label}</legend>
      {groupHint(f) && <Caption1 className={styles.hint}>{groupHint(f)}</Caption1>}
      {note && (
        <Caption1 className={styles.warning} data-testid={`separation-note-${at}`}>
          {note}
        </Caption1>
      )}
      <OwnErrors path={at} label={f.label} errors={rest.errors} />
      <Fields fields={f.fields ?? []} group={node} path={path} {...rest} />
    </fieldset>
  );
}

/** A list: each item a labelled group with a Remove button; "Add …" at the end. */
function ListField({ f, path, node, bare, ...rest }: NodeProps & { node: FormGroup[]; bare?: boolean }): React.JSX.Element {
  const styles = useStyles();
  const at = pathText(path);
  const word = itemWord(f);
  const items = (
    <>
      {!bare && <Caption1 className={styles.hint}>{f.hint}</Caption1>}
      <OwnErrors path={at} label={f.label} errors={rest.errors} />
      {node.length === 0 && <Caption1>None{f.blankMeans && f.blankMeans !== "none" ? ` (blank: ${f.blankMeans})` : ""}.</Caption1>}
      {node.map((item, i) => {
        const label = itemLabel(f, item, i);
        const itemPath = [...path, i];
        return (
          <fieldset key={i} className={mergeClasses(styles.fieldset, styles.item)} data-group-path={pathText(itemPath)} data-testid={`separation-item-${pathText(itemPath)}`}>
            <legend className={styles.legend}>{label}</legend>
            <OwnErrors path={pathText(itemPath)} label={label} errors={rest.errors} />
            <Fields fields={f.fields ?? []} group={item} path={itemPath} {...rest} />
            <div className={styles.itemHead}>
              <Button size="small" appearance="subtle" onClick={() => rest.onRemove(path, i)} aria-label={`Remove ${label}`}>
                Remove {word.toLowerCase()}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button size="small" onClick={() => rest.onAdd(path)} data-testid={`separation-add-${at}`}>
          Add {word.toLowerCase()}
        </Button>
      </div>
    </>
  );
  if (bare) return items;
  return (
    <fieldset className={styles.fieldset} data-group-path={at}>
      <legend className={styles.legend}>{f.label}</legend>
      {items}
    </fieldset>
  );
}

function AnyField({ f, path, node, note, ...rest }: NodeProps & { node: FormNode | undefined; note?: string }): React.JSX.Element | null {
  if (f.kind === "object") return <ObjectField f={f} path={path} node={node && typeof node === "object" && !Array.isArray(node) ? node : { values: {}, extra: {} }} note={note} {...rest} />;
  if (f.kind === "list") return <ListField f={f} path={path} node={Array.isArray(node) ? node : []} {...rest} />;
  const { root: _root, ...leaf } = rest;
  return <LeafField f={f} path={path} value={typeof node === "string" ? node : ""} note={note} {...leaf} />;
}

// --- the collapsible groups ------------------------------------------------------------------------

/** The form's collapsible groups: the parties and dates first, then each optional part of the terms. */
interface GroupSpec {
  key: string;
  title: string;
  fields: readonly TermsFieldDef[];
}

const FIRST_KEYS = new Set(["executive", "company", "agreement", "employment", "serviceEndDate", "calendar", "payFrequency"]);

export const FORM_GROUPS: readonly GroupSpec[] = [
  { key: "parties", title: "Executive, agreement and employment", fields: SEPARATION_SCHEMA.filter((f) => FIRST_KEYS.has(f.key)) },
  ...SEPARATION_SCHEMA.filter((f) => !FIRST_KEYS.has(f.key)).map((f) => ({ key: f.key, title: f.label, fields: [f] })),
];

/** What the group's summary says beside its title: how many items, or whether it is given. */
function groupNote(spec: GroupSpec, form: Form): string {
  if (spec.fields.length !== 1) return "";
  const f = spec.fields[0];
  const node = form.values[f.key];
  if (f.kind === "list") return Array.isArray(node) ? `(${node.length})` : "";
  if (f.kind === "object") return node && typeof node === "object" && !Array.isArray(node) && groupHasValue(node) ? "" : "(not given)";
  return "";
}

interface GroupProps {
  spec: GroupSpec;
  form: Form;
  /** The problems inside this group (only: a change elsewhere does not repaint it). */
  errors: readonly SeparationFieldError[];
  open: boolean;
  onToggle: (key: string, open: boolean) => void;
  onSet: NodeProps["onSet"];
  onAdd: NodeProps["onAdd"];
  onRemove: NodeProps["onRemove"];
}

function GroupView({ spec, form, errors, open, onToggle, onSet, onAdd, onRemove }: GroupProps): React.JSX.Element {
  const styles = useStyles();
  const actions = { root: form, errors, onSet, onAdd, onRemove };
  const single = spec.fields.length === 1 ? spec.fields[0] : undefined;
  const note = groupNote(spec, form);
  const shown = open || errors.length > 0;
  return (
    <details
      className={styles.details}
      open={shown}
      // a toggle the pane made (a problem opening the group, or gone) is not the user's choice
      onToggle={(e) => e.currentTarget.open !== shown && onToggle(spec.key, e.currentTarget.open)}
      data-testid={`separation-group-${spec.key}`}
    >
      <summary className={styles.summary}>
        {spec.title}
        {note && <span className={styles.summaryNote}>{note}</span>}
        {errors.length > 0 && (
          <Badge appearance="tint" color="danger" size="small" style={{ marginLeft: tokens.spacingHorizontalXS }}>
            {errors.length} {errors.length === 1 ? "problem" : "problems"}
          </Badge>
        )}
      </summary>
      <div className={styles.body}>
        {single?.kind === "list" ? (
          <>
            <Caption1 className={styles.hint}>{groupHint(single)}</Caption1>
            <ListField f={single} path={[single.key]} node={(form.values[single.key] as FormGroup[] | undefined) ?? []} bare {...actions} />
          </>
        ) : single?.kind === "object" ? (
          <>
            {groupHint(single) && <Caption1 className={styles.hint}>{groupHint(single)}</Caption1>}
            <OwnErrors path={single.key} label={single.label} errors={errors} />
            <Fields fields={single.fields ?? []} group={form.values[single.key] as FormGroup} path={[single.key]} {...actions} />
          </>
        ) : (
          <Fields fields={spec.fields} group={form} path={[]} {...actions} />
        )}
      </div>
    </details>
  );
}

/** A group repaints only when its own part of the form, its problems or its state change. */
const Group = React.memo(GroupView, (a, b) => {
  if (a.open !== b.open || a.spec !== b.spec || a.onToggle !== b.onToggle || a.onSet !== b.onSet || a.onAdd !== b.onAdd || a.onRemove !== b.onRemove) return false;
  if (a.spec.fields.some((f) => a.form.values[f.key] !== b.form.values[f.key])) return false;
  if (a.errors.length !== b.errors.length) return false;
  return a.errors.every((e, i) => e.path === b.errors[i].path && e.message === b.errors[i].message);
});

/** The paths a group holds: its fields' keys at the top level. */
function groupOf(path: string): string {
  const top = path.split(/[.[]/)[0];
  return FORM_GROUPS.find((g) => g.fields.some((f) => f.key === top))?.key ?? "";
}

export interface SeparationFormProps {
  form: Form;
  errors: readonly SeparationFieldError[];
  onSet: (path: FormPath, value: string) => void;
  onAdd: (path: FormPath) => void;
  onRemove: (path: FormPath, index: number) => void;
}

/** The terms as a form generated from SEPARATION_SCHEMA, in collapsible groups. */
export function SeparationForm({ form, errors, onSet, onAdd, onRemove }: SeparationFormProps): React.JSX.Element {
  const styles = useStyles();
  const [open, setOpen] = React.useState<Record<string, boolean>>({});
  const onToggle = React.useCallback((key: string, isOpen: boolean) => setOpen((o) => (o[key] === isOpen ? o : { ...o, [key]: isOpen })), []);
  const byGroup = React.useMemo(() => {
    const m = new Map<string, SeparationFieldError[]>();
    for (const e of errors) {
      const key = groupOf(e.path);
      m.set(key, [...(m.get(key) ?? []), e]);
    }
    return m;
  }, [errors]);
  return (
    <div className={styles.groups} data-testid="separation-form">
      {FORM_GROUPS.map((g) => (
        <Group key={g.key} spec={g} form={form} errors={byGroup.get(g.key) ?? NONE} open={open[g.key] === true} onToggle={onToggle} onSet={onSet} onAdd={onAdd} onRemove={onRemove} />
      ))}
    </div>
  );
}

const NONE: readonly SeparationFieldError[] = [];

/** The problems no group holds (a key the schema does not know, the terms as a whole). */
export function unplacedErrors(errors: readonly SeparationFieldError[]): SeparationFieldError[] {
  return errors.filter((e) => groupOf(e.path) === "");
}

