// Types for scripts/package-vsix.mjs, which tests import.
export declare const VSCE_FLAGS: string[];
export declare const NOT_IN_VSIX: string[];
export declare function packagedReadme(markdown?: string): string;
export declare function packageVsix(out: string, stdio?: 'inherit' | 'ignore' | 'pipe'): number | null;
