/** The language core: pure functions over AIMS files, no LSP or VS Code imports. */
export * from './types';
export * from './yaml/parse';
export * from './yaml/line-index';
export * from './yaml/nav';
export * from './workspace';
export * from './check';
export * from './check-workspace';
export * from './coverage-types';
export type { FileSystem, Rule, RuleInfo, RuleContext } from './rules/rule';
