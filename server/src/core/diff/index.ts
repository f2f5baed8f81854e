/** What a change did to coverage: the delta between two checked versions of a workspace, and its renderings. */
export { diffVersions, type CheckedVersion } from './compute';
export { checkTexts, isVersionPath, parseVersion, treeFileSystem, type VersionFile } from './check-texts';
export { diffWithBase, evidencePaths, versionFiles, type BaseVersion } from './with-base';
export { anchorOf } from './anchor';
export {
  DIFF_FORMATS,
  MARKDOWN_MARKER,
  renderDelta,
  renderDeltaJson,
  renderDeltaMarkdown,
  renderDeltaText,
  type DiffFormat,
} from './render';
export { mdCode, mdText, plain } from './escape';
export * from './types';
