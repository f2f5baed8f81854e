import isoData from './data/iso42001.json';
import { closest, nearestDotted } from './suggest';

/** An Annex A reference control of ISO/IEC 42001:2023 (identifier and short title only). */
export interface Control {
  id: string;
  title: string;
  /** Topic (control objective) id, A.2 … A.10. */
  topic: string;
  topicTitle: string;
  /** For A.6 controls: A.6.1 or A.6.2. */
  subObjective?: string;
  /** Position in the standard's order (0-based), for sorting. */
  order: number;
}

export interface Topic {
  id: string;
  title: string;
  controls: Control[];
}

/** A clause or sub-clause of ISO/IEC 42001 (4 … 10.2). */
export interface Clause {
  id: string;
  title: string;
  parent?: string;
}

interface RawControl {
  id: string;
  title: string;
}
interface RawObjective {
  id: string;
  title: string;
  controls?: RawControl[];
  sub_objectives?: { id: string; title: string; controls: RawControl[] }[];
}
interface RawClause {
  id: string;
  title: string;
  subclauses?: RawClause[];
}

export const STANDARD = isoData.standard;

const topics: Topic[] = [];
const controls: Control[] = [];
for (const obj of isoData.annex_a.objectives as RawObjective[]) {
  const topic: Topic = { id: obj.id, title: obj.title, controls: [] };
  const groups = obj.sub_objectives ?? [{ id: undefined, title: obj.title, controls: obj.controls ?? [] }];
  for (const g of groups) {
    for (const c of g.controls) {
      const control: Control = {
        id: c.id,
        title: c.title,
        topic: obj.id,
        topicTitle: obj.title,
        subObjective: g.id,
        order: controls.length,
      };
      controls.push(control);
      topic.controls.push(control);
    }
  }
  topics.push(topic);
}

const clauses: Clause[] = [];
function addClauses(list: RawClause[], parent?: string): void {
  for (const c of list) {
    clauses.push({ id: c.id, title: c.title, parent });
    if (c.subclauses) addClauses(c.subclauses, c.id);
  }
}
addClauses(isoData.clauses);

const controlById = new Map(controls.map((c) => [c.id, c]));
const topicById = new Map(topics.map((t) => [t.id, t]));
const subObjectives = new Map<string, string>();
for (const obj of isoData.annex_a.objectives as RawObjective[]) {
  for (const s of obj.sub_objectives ?? []) subObjectives.set(s.id, s.title);
}
const clauseById = new Map(clauses.map((c) => [c.id, c]));
const titleVariants = new Map<string, string[]>();
for (const v of isoData.title_variants) {
  titleVariants.set(v.id, [...(titleVariants.get(v.id) ?? []), v.variant]);
}

/** All 38 Annex A controls in the standard's order. */
export function allControls(): readonly Control[] {
  return controls;
}

/** The nine Annex A topics A.2 … A.10 with their controls. */
export function allTopics(): readonly Topic[] {
  return topics;
}

/** Clauses 4 … 10 with every numbered sub-clause, in order. */
export function allClauses(): readonly Clause[] {
  return clauses;
}

export function findControl(id: string): Control | undefined {
  return controlById.get(id);
}

export function findTopic(id: string): Topic | undefined {
  return topicById.get(id);
}

/** A.6.1 / A.6.2 sub-objectives (not controls, but valid references). */
export function findSubObjective(id: string): { id: string; title: string } | undefined {
  const title = subObjectives.get(id);
  return title ? { id, title } : undefined;
}

export function findClause(id: string): Clause | undefined {
  return clauseById.get(id);
}

/** Known spelling variants of a control's title (plural forms and the like) that are still the same title. */
export function titleVariantsOf(id: string): readonly string[] {
  return titleVariants.get(id) ?? [];
}

/** Whether a title given in a file names the control (case, spacing, punctuation and known variants ignored). */
export function titleMatches(id: string, given: string): boolean {
  const c = controlById.get(id);
  if (!c) return false;
  const g = normaliseTitle(given);
  return normaliseTitle(c.title) === g || titleVariantsOf(id).some((v) => normaliseTitle(v) === g);
}

function normaliseTitle(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const controlIds = controls.map((c) => c.id);

/** The real controls nearest to an Annex A id that does not exist (A.6.2.9 → A.6.2.8, A.6.2.7), best first. */
export function nearestControls(id: string): Control[] {
  return nearestDotted(id, controlIds).map((c) => controlById.get(c)!);
}

/** The nearest control id to a mistyped or non-existent one, if any is close enough. */
export function suggestControl(id: string): string | undefined {
  return nearestControls(id)[0]?.id;
}

/** The control whose title best matches some text (used to say what a mislabelled title really names). */
export function controlByTitle(title: string): Control | undefined {
  const g = normaliseTitle(title);
  return controls.find((c) => normaliseTitle(c.title) === g || titleVariantsOf(c.id).some((v) => normaliseTitle(v) === g));
}

export function suggestClause(id: string): string | undefined {
  return closest(
    id,
    clauses.map((c) => c.id),
    1,
  );
}
