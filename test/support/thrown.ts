/**
 * The error of a given class that a call throws; the test fails when it throws nothing or something else.
 * @example thrown(() => hullWhiteValue(...), CalcError).key
 */
export function thrown<E extends Error>(call: () => unknown, kind: new (...args: never[]) => E): E {
  try {
    call();
  } catch (error) {
    if (error instanceof kind) return error;
    throw error;
  }
  throw new Error(`no ${kind.name} thrown`);
}
