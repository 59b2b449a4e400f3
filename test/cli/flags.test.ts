/** The subcommands' options: each input -> what is read, or what is said back. */
import { readFlags } from "../../src/cli/flags";

const SPEC = { values: { "--offer": "offer", "--map": "map" }, lists: ["map"] } as const;

describe("readFlags", () => {
  it.each([
    [["a.csv"], { positional: "a.csv", json: false, value: {}, list: { map: [] } }],
    [["a.csv", "--json"], { positional: "a.csv", json: true, value: {}, list: { map: [] } }],
    [["--offer", "o.json", "a.csv"], { positional: "a.csv", json: false, value: { offer: "o.json" }, list: { map: [] } }],
    [["--offer=o.json", "a.csv"], { positional: "a.csv", json: false, value: { offer: "o.json" }, list: { map: [] } }],
    [["a.csv", "--map", "grant_id=#2", "--map=shares=Qty"], { positional: "a.csv", json: false, value: {}, list: { map: ["grant_id=#2", "shares=Qty"] } }],
    [[], { json: false, value: {}, list: { map: [] } }],
  ])("%j is read", (args, expected) => {
    expect(readFlags(args, { values: SPEC.values, lists: [...SPEC.lists] })).toEqual(expected);
  });

  it.each([
    [["a.csv", "--offer"], "--offer needs a value"],
    [["--offer", "a", "--offer", "b"], "--offer is given twice"],
    [["a.csv", "b.csv"], 'unexpected argument "b.csv"'],
    [["a.csv", "--csv"], "unknown option --csv"],
    [["-x"], "unknown option -x"],
  ])("%j is refused: %s", (args, message) => {
    expect(readFlags(args, { values: SPEC.values, lists: [...SPEC.lists] })).toBe(message);
  });
});
