import { soaText } from '../../bench/generate';
import { parseFile, type ParsedFile } from '../../server/src/core/yaml/parse';
import { reparseFile } from '../../server/src/core/yaml/reparse';
import { registerText } from './yaml-gen';

/**
 * A 200-control SoA edited once in the middle (its later entries are read
 * through lazily moved pairs) and a 150-risk register: files whose large
 * mappings the services narrow to the entry at the cursor.
 */
export function largeFastFiles(): { soa: ParsedFile; register: ParsedFile } {
  const first = parseFile('/ws/soa.aims.yaml', soaText(200), 0);
  const at = first.text.indexOf('applicable: true', first.text.length / 2);
  const soa = reparseFile(first, first.path, first.text.slice(0, at) + 'applicable: false' + first.text.slice(at + 16), 1);
  return { soa, register: parseFile('/ws/register.aims.yaml', registerText(150), 0) };
}
