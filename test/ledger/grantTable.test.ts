/**
 * The ledger's grants by column: each grant read equals the grant written out by hand, through the
 * columns (`grantAt`), the compatibility array (`grants`) and a table built from grants.
 */
import { parseCsvLedger } from "../../src/core/ledger/importLedger";
import { Grant, GrantTable } from "../../src/core/ledger/parseLedger";
import { LEDGER_SCHEMA } from "../../src/core/ledger/columns";

const CSV = [
  "Grant Number,Employee ID,Name,Relationship,Country,Plan,Grant Date,Expiration Date,Exercise Price,Options Outstanding,ISO/NSO,Termination Date",
  'G1,E1,"Smith, Ann",Employee,United States,2000 Equity Incentive Plan,2001-05-01,2011-05-01,$5.00,"1,000",iso,',
  "G2,E1,\"Smith, Ann\",Employee,USA,2000 Equity Incentive Plan,2001-05-01,,$5.00,500,NSO,",
  "G3,E2,Bob Lee,Director,Japan,1993 Stock Plan,1999-12-31,2009-12-31,12.3750,200,NSO,2003-05-30",
  "G4,E3,Cy,Officer,US,1993 Stock Plan,2001-05-01,2011-05-01,-1,100,NSO,",
  "G5,E4,Di,Former Employee,Non-US,,2002-01-15,2012-01-15,0.50,0,,",
].join("\n");

/** The grants of CSV, written out: serials from dates (2001-05-01 = 37012). */
const EXPECTED: Grant[] = [
  { line: 2, grantId: "G1", holderId: "E1", holderName: "Smith, Ann", holderClass: "employee", country: "US", plan: "2000 Equity Incentive Plan", grantDate: 37012, expirationDate: 40664, expirationAssumed: false, exercisePrice: 5, sharesOutstanding: 1000, optionType: "ISO", terminationDate: undefined },
  { line: 3, grantId: "G2", holderId: "E1", holderName: "Smith, Ann", holderClass: "employee", country: "US", plan: "2000 Equity Incentive Plan", grantDate: 37012, expirationDate: 40664, expirationAssumed: true, exercisePrice: 5, sharesOutstanding: 500, optionType: "NSO", terminationDate: undefined },
  { line: 4, grantId: "G3", holderId: "E2", holderName: "Bob Lee", holderClass: "director", country: "JAPAN", plan: "1993 Stock Plan", grantDate: 36525, expirationDate: 40178, expirationAssumed: false, exercisePrice: 12.375, sharesOutstanding: 200, optionType: "NSO", terminationDate: 37771 },
  { line: 6, grantId: "G5", holderId: "E4", holderName: "Di", holderClass: "former employee", country: "NON-US", plan: "", grantDate: 37271, expirationDate: 40923, expirationAssumed: false, exercisePrice: 0.5, sharesOutstanding: 0, optionType: "", terminationDate: undefined },
];

describe("GrantTable", () => {
  const ledger = parseCsvLedger(CSV);
  const table = ledger.table;

  it("holds exactly the accepted grants; each reads back as the grant written out", () => {
    expect(ledger.errors).toEqual([{ row: 5, column: "exercise_price", message: 'exercise price "-1" is negative; a price must not be negative' }]);
    expect(table.length).toBe(4);
    EXPECTED.forEach((g, i) => expect(table.grantAt(i)).toStrictEqual(g));
    expect(table.toGrants()).toStrictEqual(EXPECTED);
    expect(ledger.grants).toStrictEqual(EXPECTED);
  });

  it("stores numbers and dates in typed arrays and repeated text in dictionaries", () => {
    expect(table.exercisePrice).toEqual(Float64Array.of(5, 5, 12.375, 0.5));
    expect(table.sharesOutstanding).toEqual(Float64Array.of(1000, 500, 200, 0));
    expect(table.grantDate).toEqual(Int32Array.of(37012, 37012, 36525, 37271));
    expect(table.expirationAssumed).toEqual(Uint8Array.of(0, 1, 0, 0));
    expect(table.terminationDate).toEqual(Int32Array.of(0, 0, 37771, 0));
    expect(table.line).toEqual(Int32Array.of(2, 3, 4, 6));
    // "officer" was only on the rejected line 5: the dictionary holds the accepted grants' values
    expect(table.holderClass.values).toEqual(["", "employee", "director", "former employee"]);
    expect(table.holderClass.codes).toEqual(Uint32Array.of(1, 1, 2, 3));
    expect(table.country.values).toEqual(["", "US", "JAPAN", "NON-US"]);
    expect(table.plan.codes).toEqual(Uint32Array.of(1, 1, 2, 0));
    expect(table.optionType.values).toEqual(["", "ISO", "NSO"]);
    expect(table.grantId.toArray()).toEqual(["G1", "G2", "G3", "G5"]);
    expect(table.holderId.intern().codes).toEqual(Uint32Array.of(1, 1, 2, 3));
  });

  it("is also a table of LEDGER_SCHEMA, readable by column name", () => {
    expect(table.schema).toBe(LEDGER_SCHEMA);
    expect(table.row(2)).toEqual({
      line: 4, grant_id: "G3", holder_id: "E2", holder_name: "Bob Lee", holder_class: "director", country: "JAPAN", plan: "1993 Stock Plan",
      grant_date: 36525, expiration_date: 40178, exercise_price: 12.375, shares_outstanding: 200, option_type: "NSO", termination_date: 37771,
    });
  });

  it("round-trips grants built in code", () => {
    const built = GrantTable.fromGrants(EXPECTED);
    expect(built.toGrants()).toStrictEqual(EXPECTED);
    expect(built.holderClass.values).toEqual(["", "employee", "director", "former employee"]);
  });

  it("reads many grants across the text columns' chunks", () => {
    const lines = ["Grant Number,Employee ID,Grant Date,Exercise Price,Outstanding"];
    for (let i = 0; i < 5000; i++) lines.push(`A${i},H${i >> 1},2001-05-01,$${1 + (i % 9)}.25,${i}`);
    const big = parseCsvLedger(lines.join("\n")).table;
    expect(big.length).toBe(5000);
    for (const i of [0, 4095, 4096, 4999]) {
      expect(big.grantAt(i)).toMatchObject({ line: i + 2, grantId: `A${i}`, holderId: `H${i >> 1}`, exercisePrice: 1 + (i % 9) + 0.25, sharesOutstanding: i });
    }
  });
});
