import * as React from "react";
import { Badge, Button, Caption1, Checkbox, Field, Input, Link, makeStyles, mergeClasses, Select, tokens } from "@fluentui/react-components";
import { PANEL_STYLE } from "./panelStyle";
import { SeparationFieldError } from "../../core/separations/terms";
import { SEPARATION_SCHEMA, TermsFieldDef } from "../../core/separations/termsSchema";
import {
  errorsAtField, fieldUse, FormGroup, FormNode, FormPath, groupHasValue, hintInWords, itemLabel, itemWord, pathText, requiredNow, SeparationForm as Form,
} from "../state/separation";

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
  fieldset: PANEL_STYLE,
  item: { backgroundColor: tokens.colorNeutralBackground2 },
  legend: { paddingInline: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  hint: { color: tokens.colorNeutralForeground2 },
  itemHead: { display: "flex", justifyContent: "flex-end" },
});

/** A hint as a sentence: a full stop at its end. */
function sentence(text: string): string {
  return text.endsWith(".") ? text : `${text}.`;
}

/** The hint under a field: the schema's hint, what a blank means, when it is required (other fields named by their labels). */
function hintOf(f: TermsFieldDef, path: FormPath): string {
  const parts = [sentence(hintInWords(f.hint, f, path))];
  if (f.requiredWhen) parts.push(`Required when ${hintInWords(f.requiredWhen, f, path)}.`);
  if (f.blankMeans !== undefined && f.kind !== "object" && f.kind !== "list") parts.push(`Blank: ${hintInWords(f.blankMeans, f, path)}.`);
  return parts.join(" ");
}

/** Moves the keyboard's focus, once the form has been drawn again, to the first element `selector` finds. */
export function focusSoon(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

/** A path for a CSS attribute selector. */
function cssText(s: string): string {
  return typeof CSS !== "undefined" && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, "\\$&");
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
  /** "Clear the fields this kind does not use": the kind's path. */
  onClear: (kindPath: FormPath) => void;
}

/** A field's note that its object's kind does not take it, and the one action that clears every such field. */
export interface KindNote {
  text: string;
  kindPath: FormPath;
}

const CLEAR_UNUSED = "Clear the fields this kind does not use";

/** The note "Not used for this kind: …" with its action. */
function NoteText({ note, path, onClear }: { note: KindNote; path: string; onClear: (kindPath: FormPath) => void }): React.JSX.Element {
  return (
    <>
      <span data-testid={`separation-note-${path}`}>{note.text}</span>{" "}
      <Link
        as="button"
        inline
        onClick={() => {
          onClear(note.kindPath);
          // the field goes with its value: the keyboard goes on from the kind
          focusSoon(`[data-path="${cssText(pathText(note.kindPath))}"]`);
        }}
        data-testid={`separation-clear-${path}`}
      >
        {CLEAR_UNUSED}
      </Link>
    </>
  );
}

/**
 * The problems a field shows once each: the reader's refusal of a value its object's kind does not take
 * is said by the note (it says which kinds take it and carries the action), the others by the reader.
 */
function problemsOf(errors: readonly SeparationFieldError[], at: string, label: string, note: KindNote | undefined): { messages: string[]; refused: boolean } {
  const own = errors.filter((e) => e.path === at);
  const refused = note !== undefined && own.some((e) => e.code === "not-allowed");
  const shown = refused ? own.filter((e) => e.code !== "not-allowed") : own;
  return { messages: errorsAtField(shown, at, label), refused };
}

/**
 * A field's problems, as Fluent's Field shows them: the note (its object's kind does not take it) first,
 * with its action; an error when the reader refuses the value or finds another problem, a warning otherwise.
 */
function validation(
  problems: { messages: string[]; refused: boolean },
  path: string,
  note: KindNote | undefined,
  onClear: (kindPath: FormPath) => void,
): Pick<React.ComponentProps<typeof Field>, "validationState" | "validationMessage"> {
  const { messages, refused } = problems;
  if (!note && messages.length === 0) return { validationState: "none", validationMessage: undefined };
  return {
    validationState: refused || messages.length > 0 ? "error" : "warning",
    validationMessage: (
      <span>
        {note && <NoteText note={note} path={path} onClear={onClear} />}
        {note && messages.length > 0 && " "}
        {messages.length > 0 && <span data-testid={`separation-error-${path}`}>{messages.join("; ")}</span>}
      </span>
    ),
  };
}

/** One input: text, a date, a number, a choice or a flag, under its label and hint, with its problems. */
function LeafField({
  f,
  path,
  value,
  errors,
  onSet,
  onClear,
  note,
  required,
}: Omit<NodeProps, "onAdd" | "onRemove" | "root"> & { value: string; note?: KindNote; required: boolean }): React.JSX.Element {
  const styles = useStyles();
  const at = pathText(path);
  const listId = React.useId();
  const set = (v: string) => onSet(path, v);
  const problems = problemsOf(errors, at, f.label, note);
  const hint = hintOf(f, path);
  if (f.kind === "flag") {
    return (
      <Field hint={hint} {...validation(problems, at, note, onClear)}>
        <Checkbox label={f.label} checked={value === "true"} onChange={(_, d) => set(d.checked === true ? "true" : value === "false" ? "false" : "")} data-path={at} />
      </Field>
    );
  }
  if (f.kind === "choice") {
    const choices = f.choices ?? [];
    return (
      <Field label={f.label} hint={hint} required={required} {...validation(problems, at, note, onClear)}>
        <Select className={styles.control} select={{ className: styles.control }} value={value} onChange={(_, d) => set(d.value)} data-path={at}>
          <option value="">{required || f.requiredWhen ? "Choose…" : `Blank: ${f.blankMeans ? hintInWords(f.blankMeans, f, path) : "not given"}`}</option>
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
    <Field label={f.label} hint={hint} required={required} {...validation(problems, at, note, onClear)}>
      <Input
        className={styles.control}
        input={{ className: styles.control }}
        value={value}
        placeholder={f.blankMeans !== undefined && f.kind !== "date" ? `blank: ${hintInWords(f.blankMeans, f, path)}`.slice(0, 40) : PLACEHOLDERS[f.kind]}
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
function groupHint(f: TermsFieldDef, path: FormPath): string {
  const parts = f.hint.startsWith("{") ? [] : [sentence(hintInWords(f.hint, f, path))];
  if (f.blankMeans && f.kind === "object") parts.push(`Leave it blank: ${hintInWords(f.blankMeans, f, path)}.`);
  if (f.requiredWhen) parts.push(`Required when ${hintInWords(f.requiredWhen, f, path)}.`);
  return parts.join(" ");
}

/** A group's own problems (about the object or list itself, not one of its fields), led by its note when its kind does not take it. */
function OwnErrors({
  path,
  label,
  errors,
  note,
  onClear,
}: {
  path: string;
  label: string;
  errors: readonly SeparationFieldError[];
  note?: KindNote;
  onClear?: (kindPath: FormPath) => void;
}): React.JSX.Element | null {
  const styles = useStyles();
  const { messages, refused } = problemsOf(errors, path, label, note);
  return (
    <>
      {note && onClear && (
        <Caption1 className={refused ? styles.error : styles.warning}>
          <NoteText note={note} path={path} onClear={onClear} />
        </Caption1>
      )}
      {messages.length > 0 && (
        <Caption1 className={styles.error} data-testid={`separation-error-${path}`}>
          {messages.join("; ")}
        </Caption1>
      )}
    </>
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
        const note = use.note && use.kindPath ? { text: use.note, kindPath: use.kindPath } : undefined;
        return (
          <div key={f.key} className={f.kind === "object" || f.kind === "list" ? styles.wide : styles.cell}>
            <AnyField f={f} path={at} node={group.values[f.key]} note={note} required={requiredNow(rest.root, at, f)} {...rest} />
          </div>
        );
      })}
    </div>
  );
}

/** An object inside the form: a labelled group of its fields. */
function ObjectField({ f, path, node, note, ...rest }: NodeProps & { node: FormGroup; note?: KindNote }): React.JSX.Element {
  const styles = useStyles();
  const at = pathText(path);
  const hint = groupHint(f, path);
  return (
    <fieldset className={styles.fieldset} data-group-path={at}>
      <legend className={styles.legend}>{f.label}</legend>
      {hint && <Caption1 className={styles.hint}>{hint}</Caption1>}
      <OwnErrors path={at} label={f.label} errors={rest.errors} note={note} onClear={rest.onClear} />
      <Fields fields={f.fields ?? []} group={node} path={path} {...rest} />
    </fieldset>
  );
}

/** A list: each item a labelled group with a Remove button; "Add …" at the end. */
function ListField({ f, path, node, bare, ...rest }: NodeProps & { node: FormGroup[]; bare?: boolean }): React.JSX.Element {
  const styles = useStyles();
  const at = pathText(path);
  const word = itemWord(f);
  const add = () => {
    rest.onAdd(path);
    // the new item's first field
    focusSoon(`[data-group-path="${cssText(`${at}[${node.length}]`)}"] :is(input, select)`);
  };
  const remove = (i: number) => {
    rest.onRemove(path, i);
    // the list's "Add" button: never the next item's Remove button (a second Enter would remove it too)
    focusSoon(`[data-testid="${cssText(`separation-add-${at}`)}"]`);
  };
  const items = (
    <>
      {!bare && <Caption1 className={styles.hint}>{hintInWords(f.hint, f, path)}</Caption1>}
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
              <Button size="small" appearance="subtle" onClick={() => remove(i)} aria-label={`Remove ${label}`}>
                Remove {word.toLowerCase()}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button size="small" onClick={add} data-testid={`separation-add-${at}`}>
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

function AnyField({ f, path, node, note, required, ...rest }: NodeProps & { node: FormNode | undefined; note?: KindNote; required: boolean }): React.JSX.Element | null {
  if (f.kind === "object") return <ObjectField f={f} path={path} node={node && typeof node === "object" && !Array.isArray(node) ? node : { values: {}, extra: {} }} note={note} {...rest} />;
  if (f.kind === "list") return <ListField f={f} path={path} node={Array.isArray(node) ? node : []} {...rest} />;
  const { root: _root, ...leaf } = rest;
  return <LeafField f={f} path={path} value={typeof node === "string" ? node : ""} note={note} required={required} {...leaf} />;
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
  onClear: NodeProps["onClear"];
}

function GroupView({ spec, form, errors, open, onToggle, onSet, onAdd, onRemove, onClear }: GroupProps): React.JSX.Element {
  const styles = useStyles();
  const actions = { root: form, errors, onSet, onAdd, onRemove, onClear };
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
            <Caption1 className={styles.hint}>{groupHint(single, [single.key])}</Caption1>
            <ListField f={single} path={[single.key]} node={(form.values[single.key] as FormGroup[] | undefined) ?? []} bare {...actions} />
          </>
        ) : single?.kind === "object" ? (
          <>
            {groupHint(single, [single.key]) && <Caption1 className={styles.hint}>{groupHint(single, [single.key])}</Caption1>}
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
  if (a.open !== b.open || a.spec !== b.spec || a.onToggle !== b.onToggle || a.onSet !== b.onSet || a.onAdd !== b.onAdd || a.onRemove !== b.onRemove || a.onClear !== b.onClear) return false;
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
  onClear: (kindPath: FormPath) => void;
}

/** The terms as a form generated from SEPARATION_SCHEMA, in collapsible groups. */
export function SeparationForm({ form, errors, onSet, onAdd, onRemove, onClear }: SeparationFormProps): React.JSX.Element {
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
        <Group key={g.key} spec={g} form={form} errors={byGroup.get(g.key) ?? NONE} open={open[g.key] === true} onToggle={onToggle} onSet={onSet} onAdd={onAdd} onRemove={onRemove} onClear={onClear} />
      ))}
    </div>
  );
}

const NONE: readonly SeparationFieldError[] = [];

/** The problems no group holds (a key the schema does not know, the terms as a whole). */
export function unplacedErrors(errors: readonly SeparationFieldError[]): SeparationFieldError[] {
  return errors.filter((e) => groupOf(e.path) === "");
}

