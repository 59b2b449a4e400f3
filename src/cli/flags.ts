/**
 * The subcommands' options, read one way: `--json`, value options written `--flag VALUE` or
 * `--flag=VALUE` (once, or repeated when the option is a list such as `--map`), and one positional
 * argument (the file the command reads). Anything else is said back, never ignored.
 */

/** What a command's options are: value options (flag -> key) and which of the keys are lists. */
export interface FlagSpec<K extends string> {
  values: Readonly<Record<string, K>>;
  lists: readonly K[];
}

/** The options read: the positional argument, each value option's value(s), and --json. */
export interface ReadFlags<K extends string> {
  positional?: string;
  json: boolean;
  value: Partial<Record<K, string>>;
  list: Record<K, string[]>;
}

/**
 * Reads a command's arguments by its spec, or says what is wrong ("--offer needs a value",
 * "--offer is given twice", "unexpected argument "x"", "unknown option --csv").
 * @example readFlags(["a.csv", "--map=x=#2", "--json"], { values: { "--map": "map" }, lists: ["map"] }) -> { positional: "a.csv", json: true, value: {}, list: { map: ["x=#2"] } }
 */
export function readFlags<K extends string>(args: readonly string[], spec: FlagSpec<K>): ReadFlags<K> | string {
  const read: ReadFlags<K> = { json: false, value: {}, list: Object.fromEntries(spec.lists.map((k) => [k, [] as string[]])) as Record<K, string[]> };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--json") {
      read.json = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") ? (eq > 0 ? arg.slice(0, eq) : arg) : undefined;
    if (flag !== undefined && spec.values[flag] !== undefined) {
      const key = spec.values[flag];
      let value: string;
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < args.length) value = args[++i];
      else return `${flag} needs a value`;
      if (spec.lists.includes(key)) read.list[key].push(value);
      else if (read.value[key] !== undefined) return `${flag} is given twice`;
      else read.value[key] = value;
      continue;
    }
    if (arg.startsWith("-")) return `unknown option ${arg}`;
    if (read.positional !== undefined) return `unexpected argument ${JSON.stringify(arg)}`;
    read.positional = arg;
  }
  return read;
}
