// Types for schema-validators.generated.js (written by scripts/gen-validators.ts).
import type { ValidateFunction } from 'ajv';

export declare const AIMS: ValidateFunction;
export declare const StatementOfApplicability: ValidateFunction;
export declare const AISystem: ValidateFunction;
export declare const RiskRegister: ValidateFunction;
