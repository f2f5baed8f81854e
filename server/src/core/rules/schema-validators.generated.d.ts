// Types for schema-validators.generated.js (written by scripts/gen-validators.ts).
import type { ErrorObject, ValidateFunction } from 'ajv';

export declare const AIMS: ValidateFunction;
export declare const StatementOfApplicability: ValidateFunction;
export declare const AISystem: ValidateFunction;
export declare const RiskRegister: ValidateFunction;
/** How many errors one validation collects before it throws TooManySchemaErrors. */
export declare const MAX_SCHEMA_ERRORS: number;
/** Thrown by a validator that reached MAX_SCHEMA_ERRORS; `errors` holds those found so far. */
export declare class TooManySchemaErrors extends Error {
  readonly errors: ErrorObject[];
}
