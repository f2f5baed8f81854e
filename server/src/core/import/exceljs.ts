import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use: it is most of the size of anything that
 * bundles it, and only workbook import and export need it. The build
 * (esbuild.mjs) puts it in a file of its own next to each bundle, which this
 * import then loads.
 */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  const mod = (await import('exceljs')) as typeof ExcelJS & { default?: typeof ExcelJS };
  return mod.default ?? mod;
}
