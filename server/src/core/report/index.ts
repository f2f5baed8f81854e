import type { WorkspaceCoverage } from '../coverage-types';
import { renderHtml } from './render-html';
import { renderCsv, renderJson, renderMarkdown } from './render-text';

export type ReportFormat = 'markdown' | 'html' | 'csv' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['markdown', 'html', 'csv', 'json'];
export const REPORT_EXTENSIONS: Record<ReportFormat, string> = { markdown: 'md', html: 'html', csv: 'csv', json: 'json' };

/** Renders the coverage report in one of the export formats (standalone HTML for files). */
export function renderReport(list: WorkspaceCoverage[], format: ReportFormat, nonce = 'aims-report'): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(list);
    case 'csv':
      return renderCsv(list);
    case 'json':
      return renderJson(list);
    case 'html':
      return renderHtml(list, { nonce, webview: false });
  }
}

export { renderHtml, renderMarkdown, renderCsv, renderJson };
export { renderXlsx } from './render-xlsx';
