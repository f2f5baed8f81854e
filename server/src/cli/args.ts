import { isCalendarDate } from '../core/rules/util';

/** A usage error: reported on stderr with exit code 2. */
export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/**
 * Parses `--name value`, `--name=value` and bare `--flag` options. `valued`
 * lists the options that take a value; any other unknown option is an error.
 */
export function parseArgs(argv: string[], valued: readonly string[], bare: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (valued.includes(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      flags.set(name, v);
    } else if (bare.includes(name)) {
      flags.set(name, true);
    } else {
      throw new UsageError(`unknown option ${name}`);
    }
  }
  return { positional, flags };
}

/** The value of an option restricted to a set of choices. */
export function choice<T extends string>(args: ParsedArgs, name: string, choices: readonly T[], fallback: T): T {
  const v = args.flags.get(name);
  if (v === undefined) return fallback;
  if (v === true || !(choices as readonly string[]).includes(v)) throw new UsageError(`${name} must be one of ${choices.join(', ')}`);
  return v as T;
}

/** A `YYYY-MM-DD` option that must name a real calendar day (2026-02-30 does not). */
export function dateOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  if (v === undefined) return undefined;
  if (v === true || !isCalendarDate(v)) throw new UsageError(`${name} takes a real date written YYYY-MM-DD, not '${v === true ? '' : v}'`);
  return v;
}
