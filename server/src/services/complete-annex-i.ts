import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver-types';
import { ANNEX_I_POINTS, formatAnnexI } from '../core/catalog/applicability-points';

/**
 * Annex I points as values of `classification.annexI`, each with the
 * legislation it lists and its section (Section B products fall under
 * Art. 2(2)), found by the product's words ("medical", "machine", "drone").
 */
export function annexIItems(): CompletionItem[] {
  return ANNEX_I_POINTS.map((p) => ({
    label: formatAnnexI(p.point),
    kind: CompletionItemKind.Reference,
    detail: `${p.name} (Section ${p.section})`,
    labelDetails: { description: p.act },
    documentation: `${p.act}. Section ${p.section}: ${p.section === 'A' ? 'high-risk with the Chapter III duties when the product needs third-party conformity assessment (Art. 6(1), 43(3))' : 'only Art. 6(1), 102-109 and 112 apply (Art. 2(2))'}.`,
    sortText: String(p.point).padStart(2, '0'),
    filterText: `${formatAnnexI(p.point)} ${p.name} ${p.act} ${p.keywords}`,
  }));
}
