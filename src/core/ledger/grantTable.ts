/**
 * The grants of a ledger, by column: what the valuation loops over. One million grants are a dozen
 * typed arrays and the distinct texts, not a million objects; {@link GrantTable.grantAt} builds one
 * grant object for code that wants one.
 */
import { InternedColumn, Table, TableColumn, TextColumn } from "../tables/table";
import { Column, COLUMNS, LEDGER_SCHEMA } from "./columns";

/** One option grant, as imported. Dates are Excel serials. */
export interface Grant {
  /** Line in the file (header = line 1) or row in the worksheet. */
  line: number;
  grantId: string;
  holderId: string;
  holderName: string;
  /** Lower-cased canonical class (employee, officer, executive, director, consultant) or the text as given. */
  holderClass: string;
  /** Upper-cased, "US" for the United States' spellings. */
  country: string;
  plan: string;
  grantDate: number;
  expirationDate: number;
  /** True when the expiration was missing and set to grant date + 10 years. */
  expirationAssumed: boolean;
  exercisePrice: number;
  sharesOutstanding: number;
  optionType: string;
  terminationDate?: number;
}

/**
 * A ledger's accepted grants by column (row i is grant i, in file order).
 *
 * - `grantId` (unique), `holderId` and `holderName`: text, one value a grant, `grantId.get(i)`;
 * - `holderClass`, `country`, `plan`, `optionType`: interned, `values[codes[i]]` (code 0 is "":
 *   blank); the dictionaries hold only values some grant has, in order of first use;
 * - `grantDate`, `expirationDate` (always set: a blank one is grant date + 10 years, flagged in
 *   `expirationAssumed`), `terminationDate` (0 = none): Excel serials;
 * - `exercisePrice` (> 0, dollars a share), `sharesOutstanding` (whole shares, >= 0): float64.
 */
export class GrantTable extends Table<Column> {
  readonly grantId: TextColumn;
  readonly holderId: TextColumn;
  readonly holderName: TextColumn;
  readonly holderClass: InternedColumn;
  readonly country: InternedColumn;
  readonly plan: InternedColumn;
  readonly optionType: InternedColumn;
  readonly grantDate: Int32Array;
  readonly expirationDate: Int32Array;
  /** 1 when the expiration was blank and set to the grant date + 10 years. */
  readonly expirationAssumed: Uint8Array;
  readonly exercisePrice: Float64Array;
  readonly sharesOutstanding: Float64Array;
  /** 0 when none was given. */
  readonly terminationDate: Int32Array;

  /** Typed access to a table read with {@link LEDGER_SCHEMA}. */
  constructor(table: Table<Column>) {
    if (table.schema !== LEDGER_SCHEMA) throw new Error("a GrantTable is a table of LEDGER_SCHEMA");
    super(table.schema, table.length, table.line, table.columns, table.flags);
    this.grantId = this.text("grant_id");
    this.holderId = this.text("holder_id");
    this.holderName = this.text("holder_name");
    this.holderClass = this.interned("holder_class");
    this.country = this.interned("country");
    this.plan = this.interned("plan");
    this.optionType = this.interned("option_type");
    this.grantDate = this.dates("grant_date");
    this.expirationDate = this.dates("expiration_date");
    this.expirationAssumed = this.flag("expiration_assumed");
    this.exercisePrice = this.numbers("exercise_price");
    this.sharesOutstanding = this.numbers("shares_outstanding");
    this.terminationDate = this.dates("termination_date");
  }

  /** Grant i as an object (equal to what the ledger reader used to build for it). */
  grantAt(i: number): Grant {
    const termination = this.terminationDate[i];
    return {
      line: this.line[i],
      grantId: this.grantId.get(i),
      holderId: this.holderId.get(i),
      holderName: this.holderName.get(i),
      holderClass: this.holderClass.values[this.holderClass.codes[i]],
      country: this.country.values[this.country.codes[i]],
      plan: this.plan.values[this.plan.codes[i]],
      grantDate: this.grantDate[i],
      expirationDate: this.expirationDate[i],
      expirationAssumed: this.expirationAssumed[i] === 1,
      exercisePrice: this.exercisePrice[i],
      sharesOutstanding: this.sharesOutstanding[i],
      optionType: this.optionType.values[this.optionType.codes[i]],
      terminationDate: termination === 0 ? undefined : termination,
    };
  }

  /** Every grant as an object, in order (for code not yet reading the columns). */
  toGrants(): Grant[] {
    const out = new Array<Grant>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.grantAt(i);
    return out;
  }

  /**
   * A table of grants built in code (tests, a hand-made ledger): stored as given, no rule checked.
   * @example GrantTable.fromGrants(ledger.grants.filter(...)).length
   */
  static fromGrants(grants: readonly Grant[]): GrantTable {
    const n = grants.length;
    const interned = (get: (g: Grant) => string): TableColumn => {
      const index = new Map<string, number>([["", 0]]);
      const values = [""];
      const codes = new Uint32Array(n);
      grants.forEach((g, i) => {
        const v = get(g) ?? "";
        let code = index.get(v);
        if (code === undefined) {
          code = values.length;
          values.push(v);
          index.set(v, code);
        }
        codes[i] = code;
      });
      return { kind: "interned", codes, values };
    };
    const dates = (get: (g: Grant) => number | undefined): TableColumn => ({ kind: "dates", values: Int32Array.from(grants, (g) => get(g) ?? 0) });
    const numbers = (get: (g: Grant) => number): TableColumn => ({ kind: "numbers", values: Float64Array.from(grants, get) });
    const columns: Record<Column, TableColumn> = {
      grant_id: { kind: "text", values: TextColumn.from(grants.map((g) => g.grantId)) },
      holder_id: { kind: "text", values: TextColumn.from(grants.map((g) => g.holderId ?? "")) },
      holder_name: { kind: "text", values: TextColumn.from(grants.map((g) => g.holderName ?? "")) },
      holder_class: interned((g) => g.holderClass),
      country: interned((g) => g.country),
      plan: interned((g) => g.plan),
      grant_date: dates((g) => g.grantDate),
      expiration_date: dates((g) => g.expirationDate),
      exercise_price: numbers((g) => g.exercisePrice),
      shares_outstanding: numbers((g) => g.sharesOutstanding),
      option_type: interned((g) => g.optionType),
      termination_date: dates((g) => g.terminationDate),
    };
    const ordered = Object.fromEntries(COLUMNS.map((c) => [c, columns[c]])) as Record<Column, TableColumn>;
    const table = new Table<Column>(LEDGER_SCHEMA, n, Int32Array.from(grants, (g) => g.line), ordered, {
      expiration_assumed: Uint8Array.from(grants, (g) => (g.expirationAssumed ? 1 : 0)),
    });
    return new GrantTable(table);
  }
}
