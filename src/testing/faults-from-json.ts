import { checkFault, type Fault } from './fault.js';

const EXAMPLE = '{"endpoint":"addRecord","status":502,"html":true}';

/** JSON has no `Infinity`: the text `"Infinity"` stands for it where a fault takes it. */
const FOR_EVER = ['times', 'delayMs'] as const;

function withInfinity(fault: unknown): unknown {
  if (typeof fault !== 'object' || fault === null || Array.isArray(fault)) return fault;
  const copy: Record<string, unknown> = { ...fault };
  for (const name of FOR_EVER) {
    if (copy[name] === 'Infinity') copy[name] = Infinity;
    // What JSON.stringify makes of Infinity.
    else if (copy[name] === null)
      throw new TypeError(`fault.${name} is null: JSON has no Infinity, send "Infinity" for ever`);
  }
  return copy;
}

/**
 * The faults of a `POST /__simulator/faults` body: one fault as JSON, or an array of them, each as
 * `simulator.inject` takes it (`"Infinity"` for `times` or `delayMs` for ever). Throws a `TypeError`
 * or `RangeError` that says what is wrong (with the fault's index in an array) before any is used.
 *
 * @example faultsFromJson('{"endpoint":"addRecord","times":"Infinity","network":true}')
 */
export function faultsFromJson(text: string): Fault[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new TypeError(`The body must be a fault as JSON, or an array of them, e.g. ${EXAMPLE}`);
  }
  const many = Array.isArray(parsed);
  const items: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  if (items.length === 0) throw new TypeError(`The array holds no fault, e.g. [${EXAMPLE}]`);
  return items.map((item, index) => {
    try {
      const fault = withInfinity(item) as Fault;
      checkFault(fault);
      return fault;
    } catch (thrown) {
      if (!many) throw thrown;
      const error = thrown as Error;
      throw new (error.constructor as ErrorConstructor)(`faults[${index}]: ${error.message}`);
    }
  });
}
