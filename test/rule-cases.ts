/**
 * One failing and one passing example per finding code. The unit tests run
 * every case (the finding must appear on the line marked `# <--` of `bad` and
 * must not appear for `good`), and scripts/gen-rules-doc.ts writes
 * docs/rules.md from the same table, so the documentation cannot drift.
 *
 * Each case is checked in a clean workspace (manifest, full SoA, evidence
 * files) where `file` is replaced or added; `extra` adds more files.
 */
export interface RuleCase {
  code: string;
  /** Why the finding matters, citing the clause or article. */
  why: string;
  file: string;
  bad: string;
  good: string;
  extra?: Record<string, string>;
  /** Excluded Annex A controls in the workspace's SoA. */
  excluded?: string[];
  /** Base files left out of the failing workspace (e.g. no manifest). */
  omit?: ('manifest' | 'soa')[];
  /** 1-based line when `bad` cannot carry a marker. */
  line?: number;
  asOf?: string;
}

import { MANIFEST, soa } from './helpers/fixtures';

/** The clean manifest with one line replaced (matched by its start) or text appended. */
function manifestWith(from: string, to: string): string {
  const lines = MANIFEST.split('\n');
  const i = lines.findIndex((l) => l.trimStart().startsWith(from));
  if (i < 0) throw new Error(`no manifest line starts with ${from}`);
  lines[i] = lines[i].slice(0, lines[i].length - lines[i].trimStart().length) + to;
  return lines.join('\n');
}

/** The clean full SoA, without `skip` controls, with `tail` appended. */
function soaWith(skip: string[], tail = ''): string {
  return soa([], skip) + tail;
}

const SYS_HEAD = `aims: 1
kind: AISystem
id: chatbot
name: Chatbot
owner: aims-owner
operatorRoles: [deployer]
classification:
  tier: minimal
  basis: none
`;
const ART4 = `obligations:
  Art. 4: { status: met, evidence: [../evidence/x.md] }
`;

const RISK_HEAD = `aims: 1
kind: RiskRegister
risks:
`;

const HIGH = (obligations: string, extraTop = ''): string => `aims: 1
kind: AISystem
id: hiring
name: CV screening
owner: head-of-risk
operatorRoles: [provider]
establishment: eu
${extraTop}classification:
  tier: high
  basis: annex-iii
  annexIII: Annex III(4)(a)
obligations:
${[4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 47, 48, 49, 72, 73].map((a) => `  Art. ${a}: { status: partial }`).join('\n')}
${obligations}`;
const ROUTE_VI = '  Art. 43: { status: partial, route: annex-vi }\n';

/** A deployer of an Annex III system that states the facts its duties turn on. */
const DEPLOYER = (point: string, obligations = '', extraTop = ''): string => `aims: 1
kind: AISystem
id: screening
name: Screening
owner: head-of-risk
operatorRoles: [deployer]
publicBody: false
publicAuthority: false
${extraTop}classification:
  tier: high
  basis: annex-iii
  annexIII: ${point}
obligations:
  Art. 4: { status: partial }
  Art. 26: { status: partial }
  Art. 86: { status: partial }
${obligations}`;

/** A provider of an Annex I product that needs a third-party conformity assessment. */
const ANNEX_I = (annexI: string): string => `aims: 1
kind: AISystem
id: triage
name: Imaging triage
owner: head-of-risk
operatorRoles: [provider]
establishment: eu
classification:
  tier: high
  basis: annex-i
  annexI: ${annexI}
  thirdPartyAssessment: true
obligations:
${[4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 47, 48, 72, 73].map((a) => `  Art. ${a}: { status: partial }`).join('\n')}
  Art. 43: { status: partial, route: sectoral }
`;

/** A provider that considers its Annex III system not high-risk (Art. 6(3)). */
const DEROGATION = (derogation: string): string => `aims: 1
kind: AISystem
id: scheduling
name: Interview scheduling
owner: head-of-risk
operatorRoles: [provider]
classification:
  tier: minimal
  basis: annex-iii
  annexIII: Annex III(4)(a)
  derogation:
${derogation}obligations:
  Art. 4: { status: partial }
  Art. 49(2): { status: partial }
`;
const DEROGATION_OK = '    applies: true\n    condition: a\n    profiling: false\n    assessment: ../evidence/x.md\n';

export const RULE_CASES: RuleCase[] = [
  // ---- parser
  {
    code: 'yaml-syntax',
    why: 'A file that is not valid YAML cannot be read; the checker says where the parser stopped and still checks what it could read. A line indented wrongly is one finding on that line, saying how many spaces it needs (not one per later line YAML can no longer place), and what the file holds past it counts as unknown, not absent: no "missing" findings in that file, and no "not listed in the SoA", unknown role or unknown risk findings in the files that refer to it.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + 'intendedPurpose: Scores: applicants  # <--\n',
    good: SYS_HEAD + ART4,
  },
  {
    code: 'duplicate-key',
    why: 'YAML keeps only one value per key; a repeated key silently drops the other entry, often a whole SoA control.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + ART4 + 'owner: head-of-risk  # <--\n',
    good: SYS_HEAD + ART4,
  },
  {
    code: 'complex-key',
    why: 'YAML allows lists and mappings as keys; no AIMS field does, and tools turn them into unreadable text.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + ART4 + '[a, b]: value  # <--\n',
    good: SYS_HEAD + ART4,
  },
  {
    code: 'multiple-documents',
    why: 'One AIMS file holds one document; a second `---` document would be ignored without a word.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + ART4 + '---  # <--\naims: 1\n',
    good: SYS_HEAD + ART4,
  },
  {
    code: 'yaml-alias-limit',
    why: 'Aliases that expand exponentially ("billion laughs") would exhaust memory; expansion is capped and the file reported.',
    file: 'systems/chatbot.aims.yaml',
    bad:
      SYS_HEAD +
      ART4 +
      'notes: &a [x, x, x, x, x, x, x, x, x, x]\nn2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nn3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nn4: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
    good: SYS_HEAD + ART4 + 'notes: Plain text\n',
    line: 1,
  },
  {
    code: 'file-too-large',
    why: 'Files over 10 MB are not parsed, so one huge file cannot stall the editor; split it (one record per file).',
    file: 'systems/chatbot.aims.yaml',
    bad: '(a file larger than 10 MB)',
    line: 1,
    good: SYS_HEAD + ART4,
  },
  {
    code: 'binary-content',
    why: 'A file with NUL bytes is binary, not YAML text; it is reported instead of being misread.',
    file: 'systems/chatbot.aims.yaml',
    bad: '(a file containing a NUL byte)',
    line: 2,
    good: SYS_HEAD + ART4,
  },
  {
    code: 'invalid-encoding',
    why: 'AIMS files are UTF-8. Bytes that are not UTF-8 (a file saved as Latin-1, a UTF-16 export) would be read as replacement characters and change names and ids without a word.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD.replace('name: Chatbot', 'name: Chatbot caf\uFFFD  # <--') + ART4,
    good: SYS_HEAD + ART4,
  },
  {
    code: 'too-many-findings',
    why: 'A file shows at most 1,000 findings, so one broken or generated file cannot flood the Problems view, the CI log or memory; one finding on line 1 counts the rest and is as severe as the worst of them.',
    file: 'systems/chatbot.aims.yaml',
    bad: '(a record with 1,001 unknown keys)',
    line: 1,
    good: SYS_HEAD + ART4,
  },
  // ---- structure
  {
    code: 'not-a-mapping',
    why: 'Every AIMS file is a mapping of keys to values.',
    file: 'systems/chatbot.aims.yaml',
    bad: '- aims: 1  # <--\n- kind: AISystem\n',
    good: SYS_HEAD + ART4,
  },
  {
    code: 'missing-version',
    why: 'The format version tells tools how to read the file.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD.replace('aims: 1\n', '').replace('kind: AISystem', 'kind: AISystem  # <--') + ART4,
    good: SYS_HEAD + ART4,
  },
  {
    code: 'unsupported-version',
    why: 'This checker reads format version 1 only.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD.replace('aims: 1', 'aims: 2  # <--') + ART4,
    good: SYS_HEAD + ART4,
  },
  {
    code: 'missing-kind',
    why: 'Without a kind the checker cannot tell a system record from an SoA.',
    file: 'systems/chatbot.aims.yaml',
    bad: 'aims: 1  # <--\nid: chatbot\n',
    good: SYS_HEAD + ART4,
  },
  {
    code: 'unknown-kind',
    why: 'The kinds are AIMS, StatementOfApplicability, AISystem and RiskRegister.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD.replace('kind: AISystem', 'kind: AiSystem  # <--') + ART4,
    good: SYS_HEAD + ART4,
  },
  {
    code: 'unknown-key',
    why: 'A misspelt key is silently ignored by other tools; the checker names the nearest known key.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + ART4 + 'intendedPurpse: Answers questions  # <--\n',
    good: SYS_HEAD + ART4 + 'intendedPurpose: Answers questions\n',
  },
  {
    code: 'missing-key',
    why: "Some keys are needed to make sense of a record, such as a system's classification.",
    file: 'systems/chatbot.aims.yaml',
    bad: 'aims: 1  # <--\nkind: AISystem\nid: chatbot\nname: Chatbot\n',
    good: SYS_HEAD + ART4,
  },
  {
    code: 'wrong-type',
    why: 'A value of the wrong type (text where a list is expected) is misread by every tool.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + ART4 + 'risks: R-1  # <--\n',
    good: SYS_HEAD + ART4 + 'risks: []\n',
  },
  {
    code: 'invalid-value',
    why: 'Enumerated fields (tier, status, route, …) accept fixed values; the message lists them.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + ART4 + 'lifecycle: production  # <--\n',
    good: SYS_HEAD + ART4 + 'lifecycle: operation\n',
  },
  {
    code: 'invalid-structure',
    why: 'A value breaks a rule of the format, such as a date not written YYYY-MM-DD.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + ART4 + 'marketDate: 1.9.2026  # <--\n',
    good: SYS_HEAD + ART4 + 'marketDate: 2026-09-01\n',
  },
  // ---- references
  {
    code: 'invalid-act-reference',
    why: 'An article, paragraph, point or annex the Regulation does not have makes the record cite nothing.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + ART4 + '  Art. 17(5): { status: met, evidence: [../evidence/x.md] }  # <--\n',
    good: SYS_HEAD + ART4 + '  Art. 5(1)(f): { status: met, evidence: [../evidence/x.md] }\n',
  },
  {
    code: 'non-canonical-act-reference',
    why: 'One spelling (`Art. N(p)(x)`) keeps references searchable and comparable.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + 'obligations:\n  Article 4: { status: met, evidence: [../evidence/x.md] }  # <--\n',
    good: SYS_HEAD + ART4,
  },
  {
    code: 'invalid-iso-reference',
    why: 'Control ids must exist in ISO/IEC 42001 Annex A (A.2.2 to A.10.4); invented ids are common in public crosswalks.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + 'obligations:\n  Art. 4: { status: met, evidence: [../evidence/x.md], controls: [A.6.10] }  # <--\n',
    good: SYS_HEAD + 'obligations:\n  Art. 4: { status: met, evidence: [../evidence/x.md], controls: [A.4.6] }\n',
  },
  // ---- SoA
  {
    code: 'soa-missing-control',
    why: 'Clause 6.1.3 asks the SoA to address every Annex A control, included or excluded.',
    file: 'soa.aims.yaml',
    bad: 'aims: 1\nkind: StatementOfApplicability\ncontrols:  # <--\n  A.2.2: { applicable: true, justification: Root of the AIMS, status: planned }\n',
    good: soaWith([]),
  },
  {
    code: 'soa-unknown-control',
    why: 'An id that is not an Annex A control (a typo, an objective such as A.2.1, a topic such as A.6) addresses nothing.',
    file: 'soa.aims.yaml',
    bad: soaWith([], '  A.2.7: { applicable: false, justification: n/a }  # <--\n'),
    good: soaWith([]),
  },
  {
    code: 'soa-annex-a-as-additional',
    why: 'Annex A controls belong under `controls`; listing one as additional hides it from coverage.',
    file: 'soa.aims.yaml',
    bad: soaWith([], 'additionalControls:\n  A.2.2: { title: AI policy, applicable: true, justification: x, status: planned }  # <--\n'),
    good: soaWith([], 'additionalControls:\n  ACME-1: { title: Model cards, applicable: true, justification: x, status: planned }\n'),
  },
  {
    code: 'soa-title-mismatch',
    why: 'Real SoAs often mislabel controls (A.2.2 called "AI risk assessment"); the title must be the standard\'s.',
    file: 'soa.aims.yaml',
    bad:
      soaWith(['A.2.2']) +
      '  A.2.2:\n    title: AI risk assessment  # <--\n    applicable: true\n    justification: Root of the AIMS\n    status: planned\n',
    good:
      soaWith(['A.2.2']) +
      '  A.2.2:\n    title: AI policy\n    applicable: true\n    justification: Root of the AIMS\n    status: planned\n',
  },
  {
    code: 'soa-title-variant',
    why: "A reworded or reordered title still names the control; an auditor accepts it, and the standard's wording is one click away.",
    file: 'soa.aims.yaml',
    bad:
      soaWith(['A.6.1.3']) +
      '  A.6.1.3:\n    title: Processes for responsible design and development of AI systems  # <--\n    applicable: true\n    justification: Development procedure\n    status: planned\n',
    good:
      soaWith(['A.6.1.3']) +
      '  A.6.1.3:\n    title: Processes for responsible AI system design and development\n    applicable: true\n    justification: Development procedure\n    status: planned\n',
  },
  {
    code: 'soa-not-a-control',
    why: 'Annex B of ISO/IEC 42001 is implementation guidance for the Annex A controls, and Annexes C and D are informative; none of their clauses is a control an SoA can apply.',
    file: 'soa.aims.yaml',
    bad: soaWith(
      [],
      'additionalControls:\n  B.2.2: { title: AI policy guidance, applicable: true, justification: x, status: planned }  # <--\n',
    ),
    good: soaWith(
      [],
      'additionalControls:\n  ACME-1: { title: AI policy guidance, applicable: true, justification: x, status: planned }\n',
    ),
  },
  {
    code: 'soa-missing-justification',
    why: 'Clause 6.1.3 asks for a justification for inclusion and for exclusion; a blank one is a finding at audit.',
    file: 'soa.aims.yaml',
    bad: soaWith(['A.10.4']) + '  A.10.4:  # <--\n    applicable: false\n',
    good: soaWith(['A.10.4']) + '  A.10.4:\n    applicable: false\n    justification: We offer no AI services to customers.\n',
  },
  {
    code: 'soa-missing-status',
    why: 'An applicable control needs an implementation status so coverage can be reported.',
    file: 'soa.aims.yaml',
    bad: soaWith(['A.10.4']) + '  A.10.4:  # <--\n    applicable: true\n    justification: We supply customers.\n',
    good: soaWith(['A.10.4']) + '  A.10.4:\n    applicable: true\n    justification: We supply customers.\n    status: planned\n',
  },
  {
    code: 'soa-status-on-excluded',
    why: 'An excluded control with a status contradicts itself.',
    file: 'soa.aims.yaml',
    bad: soaWith(['A.10.4']) + '  A.10.4:\n    applicable: false\n    justification: No customers.\n    status: implemented  # <--\n',
    good: soaWith(['A.10.4']) + '  A.10.4:\n    applicable: false\n    justification: No customers.\n',
  },
  {
    code: 'soa-implemented-without-evidence',
    why: 'An auditor asks for evidence of every implemented control.',
    file: 'soa.aims.yaml',
    bad: soaWith(['A.10.4']) + '  A.10.4:\n    applicable: true\n    justification: We supply customers.\n    status: implemented  # <--\n',
    good:
      soaWith(['A.10.4']) +
      '  A.10.4:\n    applicable: true\n    justification: We supply customers.\n    status: implemented\n    evidence: [evidence/x.md]\n',
  },
  // ---- systems: classification
  {
    code: 'prohibited-system',
    why: 'Practices listed in Art. 5 may not be placed on the market, put into service or used.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD.replace('tier: minimal', 'tier: prohibited  # <--') + ART4,
    good: SYS_HEAD + ART4,
  },
  {
    code: 'prohibited-emotion-recognition',
    why: 'Art. 5(1)(f) prohibits inferring emotions of natural persons at the workplace and in education institutions, except for medical or safety reasons; the record states the setting with usedIn and the exception with medicalOrSafety.',
    file: 'systems/screening.aims.yaml',
    bad: DEPLOYER('Annex III(1)(c)', '  Art. 50(3): { status: partial }\n', 'usedIn: [workplace]  # <--\n'),
    good: DEPLOYER('Annex III(1)(c)', '  Art. 50(3): { status: partial }\n', 'usedIn: [workplace]\nmedicalOrSafety: true\n'),
  },
  {
    code: 'high-risk-without-basis',
    why: 'A high-risk classification rests on Annex I (Art. 6(1)) or Annex III (Art. 6(2)); without it the obligations cannot be dated.',
    file: 'systems/hiring.aims.yaml',
    bad: HIGH('').replace('  basis: annex-iii\n  annexIII: Annex III(4)(a)\n', '  basis: none  # <--\n'),
    good: HIGH(ROUTE_VI),
  },
  {
    code: 'missing-annex-iii-point',
    why: 'The Annex III point decides, among others, whether Art. 27, 49(1) or 49(5) and which Art. 43 route apply.',
    file: 'systems/hiring.aims.yaml',
    bad: HIGH('').replace('  annexIII: Annex III(4)(a)\n', '').replace('basis: annex-iii', 'basis: annex-iii  # <--'),
    good: HIGH(ROUTE_VI),
  },
  {
    code: 'annex-iii-point-not-specific',
    why: 'Annex III areas have lettered use cases; name the one that applies.',
    file: 'systems/hiring.aims.yaml',
    bad: HIGH('').replace('annexIII: Annex III(4)(a)', 'annexIII: Annex III(4)  # <--'),
    good: HIGH(ROUTE_VI),
  },
  {
    code: 'tier-basis-mismatch',
    why: 'An Annex I product needing third-party assessment or an Annex III use case makes a system high-risk (Art. 6(1), 6(2)) unless the record shows why not (no third-party assessment, Art. 6(1)(b); the Art. 6(3) derogation); Art. 50 belongs to the transparency tier.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD.replace('basis: none', 'basis: annex-iii  # <--') + ART4,
    good: SYS_HEAD + ART4,
  },
  {
    code: 'annex-i-point-missing',
    why: 'The Annex I point decides Section A (points 1-12: Chapter III duties, Art. 25(3), Art. 43(3)) or Section B (points 13-20: only Art. 6(1), 102-109 and 112 apply, Art. 2(2)).',
    file: 'systems/triage.aims.yaml',
    bad: ANNEX_I('Medical Devices Regulation (EU) 2017/745  # <--'),
    good: ANNEX_I('Annex I(11)'),
  },
  {
    code: 'annex-i-section-b',
    why: 'Art. 2(2): for high-risk systems related to Annex I Section B products only Art. 6(1), 102-109 and 112 apply; the checker says so instead of listing Chapter III duties.',
    file: 'systems/triage.aims.yaml',
    bad: ANNEX_I('Annex I(18)  # <--'),
    good: ANNEX_I('Annex I(11)'),
  },
  {
    code: 'derogation-profiling',
    why: 'Art. 6(3), third subparagraph: an Annex III system that profiles natural persons is always high-risk.',
    file: 'systems/scheduling.aims.yaml',
    bad: DEROGATION(DEROGATION_OK.replace('profiling: false', 'profiling: true  # <--')),
    good: DEROGATION(DEROGATION_OK),
  },
  {
    code: 'derogation-assessment-missing',
    why: 'Art. 6(4): a provider relying on the Art. 6(3) derogation documents its assessment before placing the system on the market or putting it into service, and registers under Art. 49(2).',
    file: 'systems/scheduling.aims.yaml',
    bad: DEROGATION(DEROGATION_OK.replace('    assessment: ../evidence/x.md\n', '').replace('applies: true', 'applies: true  # <--')),
    good: DEROGATION(DEROGATION_OK),
  },
  {
    code: 'derogation-condition-missing',
    why: 'The derogation holds only where one of the conditions (a)-(d) of Art. 6(3) is met; the record names it.',
    file: 'systems/scheduling.aims.yaml',
    bad: DEROGATION(DEROGATION_OK.replace('    condition: a\n', '').replace('applies: true', 'applies: true  # <--')),
    good: DEROGATION(DEROGATION_OK),
  },
  {
    code: 'transparency-cases-missing',
    why: 'Art. 50 gives a different duty per case and role (50(1), 50(2) providers; 50(3), 50(4) deployers); without the cases none can be listed.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD.replace('tier: minimal', 'tier: limited  # <--').replace('basis: none', 'basis: article-50') + ART4,
    good:
      SYS_HEAD.replace('tier: minimal', 'tier: limited').replace('basis: none', 'basis: article-50') +
      'transparency: [interaction]\n' +
      ART4,
  },
  {
    code: 'gpai-flags',
    why: 'Systemic risk (Art. 51) and the open-source exemptions (Art. 53(2), 54(6)) concern general-purpose AI models.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + ART4 + 'systemicRisk: true  # <--\n',
    good: SYS_HEAD + ART4 + 'systemicRisk: false\n',
  },
  {
    code: 'gpai-model-classified',
    why: 'Art. 6 classifies AI systems (Art. 3(1)); a general-purpose AI model (Art. 3(63)) has the Chapter V duties. A system built on a model is classified on its own use, and its provider is a downstream provider (Art. 3(68)).',
    file: 'systems/chatbot.aims.yaml',
    bad:
      SYS_HEAD.replace('[deployer]', '[provider]')
        .replace('tier: minimal', 'tier: high  # <--')
        .replace('basis: none', 'basis: annex-iii\n  annexIII: Annex III(4)(a)') +
      'generalPurposeModel: true\nestablishment: eu\nopenSource: false\nsystemicRisk: false\nobligations:\n  Art. 53: { status: partial }\n',
    good:
      SYS_HEAD.replace('[deployer]', '[provider]') +
      'generalPurposeModel: true\nestablishment: eu\nopenSource: false\nsystemicRisk: false\nobligations:\n  Art. 53: { status: partial }\n',
  },
  {
    code: 'undetermined-fact',
    why: 'Whether the deployer is a public body (Art. 27(1)) or a public authority (Art. 26(8), 49(3)), where the provider is established (Art. 22(1), 54(1)) and similar facts decide duties; the checker names each one the record leaves out.',
    file: 'systems/screening.aims.yaml',
    bad: DEPLOYER('Annex III(4)(a)').replace('publicBody: false\n', '').replace('classification:', 'classification:  # <--'),
    good: DEPLOYER('Annex III(4)(a)'),
  },
  // ---- systems: obligations
  {
    code: 'missing-obligation',
    why: 'Each duty the Act gives the record (by role, basis, Annex point, facts such as public body or establishment, and Art. 50 case; see docs/obligations.md) must be addressed, with the date it applies from under both timelines.',
    file: 'systems/hiring.aims.yaml',
    bad: HIGH('').replace('  Art. 9: { status: partial }\n', '').replace('obligations:', 'obligations:  # <--'),
    good: HIGH(ROUTE_VI),
  },
  {
    code: 'obligation-not-required',
    why: 'A duty listed for a record the Act does not give it to (e.g. Art. 27 for a provider, or for an Annex I system) is either a misreading or needs a justification.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + ART4 + '  Art. 27: { status: gap }  # <--\n',
    good: SYS_HEAD + ART4 + '  Art. 27: { status: not-applicable, justification: Not an Annex III system. }\n',
  },
  {
    code: 'obligation-missing-status',
    why: 'Coverage needs a status per obligation: met, partial, gap or not-applicable.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + 'obligations:\n  Art. 4: { evidence: [../evidence/x.md] }  # <--\n',
    good: SYS_HEAD + ART4,
  },
  {
    code: 'obligation-met-without-evidence',
    why: 'A met obligation needs evidence that an authority or notified body can check.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + 'obligations:\n  Art. 4:\n    status: met  # <--\n',
    good: SYS_HEAD + ART4,
  },
  {
    code: 'not-applicable-without-justification',
    why: 'An obligation marked not-applicable says why, so a reviewer can check the condition it relies on.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + ART4 + '  Art. 27: { status: not-applicable }  # <--\n',
    good: SYS_HEAD + ART4 + '  Art. 27: { status: not-applicable, justification: Not an Annex III system. }\n',
  },
  {
    code: 'obligation-control-excluded',
    why: 'An obligation cannot rest on ISO evidence from a control the SoA excludes.',
    file: 'systems/chatbot.aims.yaml',
    excluded: ['A.4.6'],
    bad: SYS_HEAD + 'obligations:\n  Art. 4:\n    status: met\n    evidence: [../evidence/x.md]\n    controls: [A.4.6]  # <--\n',
    good: SYS_HEAD + 'obligations:\n  Art. 4:\n    status: met\n    evidence: [../evidence/x.md]\n    controls: [A.4.2]\n',
  },
  {
    code: 'obligation-control-not-in-soa',
    why: 'A control cited for an obligation should be decided in the SoA.',
    file: 'systems/chatbot.aims.yaml',
    extra: { 'soa.aims.yaml': soa([], ['A.4.6']) },
    bad: SYS_HEAD + 'obligations:\n  Art. 4:\n    status: met\n    evidence: [../evidence/x.md]\n    controls: [A.4.6]  # <--\n',
    good: SYS_HEAD + 'obligations:\n  Art. 4:\n    status: met\n    evidence: [../evidence/x.md]\n    controls: [A.4.2]\n',
  },
  {
    code: 'obligation-gap-in-force',
    why: 'A duty that already applies to a system on the market (Art. 113, with the transitional rules of Art. 111) should not still be a gap.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + 'marketDate: 2026-01-01\nobligations:\n  Art. 4: { status: gap }  # <--\n',
    good: SYS_HEAD + 'marketDate: 2026-01-01\n' + ART4,
  },
  {
    code: 'legacy-system',
    why: 'Art. 111(2): a high-risk system placed on the market before the cut-off (2 August 2026; reported: the amended Chapter III date) is caught only once its design changes significantly, or by 2 August 2030 when intended for public authorities.',
    file: 'systems/hiring.aims.yaml',
    bad: HIGH(ROUTE_VI, 'marketDate: 2026-03-01  # <--\n'),
    good: HIGH(ROUTE_VI, 'marketDate: 2028-01-15\n'),
  },
  {
    code: 'explanation-right',
    why: 'Art. 86(1): a person subject to a decision a deployer takes on the basis of an Annex III system (except point 2), with legal effects or similarly significant effects on them, may ask the deployer for an explanation; the checker notes the right, which is not a duty it demands.',
    file: 'systems/screening.aims.yaml',
    bad: DEPLOYER('Annex III(4)(a)').replace('  Art. 86: { status: partial }\n', '').replace('obligations:', 'obligations:  # <--'),
    good: DEPLOYER('Annex III(4)(a)'),
  },
  {
    code: 'conformity-route-missing',
    why: 'Art. 43 allows internal control (Annex VI), a notified body (Annex VII) or the Annex I legislation’s procedure depending on the basis and Annex III point; the record must say which it follows.',
    file: 'systems/hiring.aims.yaml',
    bad: HIGH('  Art. 43: { status: partial }  # <--\n'),
    good: HIGH(ROUTE_VI),
  },
  {
    code: 'conformity-route-mismatch',
    why: 'Art. 43(2): Annex III points 2 to 8 follow internal control (Annex VI) without a notified body; point 1 may use Annex VI only with harmonised standards or common specifications applied in full (43(1)); Annex I Section A products follow the sectoral procedure (43(3)).',
    file: 'systems/hiring.aims.yaml',
    bad: HIGH('  Art. 43:\n    status: partial\n    route: annex-vii  # <--\n'),
    good: HIGH(ROUTE_VI),
  },
  {
    code: 'iso-certification-claim',
    why: 'ISO/IEC 42001 is not a harmonised standard: certification is no conformity assessment under Art. 43, no presumption of conformity (Art. 40) and no basis for CE marking (Art. 48). Its evidence supports Act obligations and never satisfies them. The claim is caught in any file and in any word order.',
    file: 'systems/hiring.aims.yaml',
    bad: HIGH(
      '  Art. 43:\n    status: met\n    route: annex-vi\n    evidence: [../evidence/x.md]\n    notes: Art. 43 is covered by our ISO 42001 certificate.  # <--\n',
    ),
    good: HIGH(
      '  Art. 43:\n    status: met\n    route: annex-vi\n    evidence: [../evidence/x.md]\n    notes: ISO 42001 evidence supports, but does not replace, the Annex VI procedure.\n',
    ),
  },
  {
    code: 'unknown-risk',
    why: 'A record must point at risks the register defines.',
    file: 'systems/chatbot.aims.yaml',
    extra: {
      'risk.aims.yaml':
        RISK_HEAD + '  R-1: { title: t, system: chatbot, likelihood: rare, impact: minor, treatment: accept, owner: aims-owner }\n',
    },
    bad: SYS_HEAD + ART4 + 'risks: [R-2]  # <--\n',
    good: SYS_HEAD + ART4 + 'risks: [R-1]\n',
  },
  // ---- risks
  {
    code: 'risk-control-excluded',
    why: 'A risk treated by a control the SoA excludes is not treated (clause 6.1.3).',
    file: 'risk.aims.yaml',
    excluded: ['A.7.4'],
    bad: RISK_HEAD + '  R-1:\n    title: Bias\n    treatment: mitigate\n    controls: [A.7.4]  # <--\n',
    good: RISK_HEAD + '  R-1:\n    title: Bias\n    treatment: mitigate\n    controls: [A.7.2]\n',
  },
  {
    code: 'risk-control-not-in-soa',
    why: 'A treatment control should be decided in the SoA.',
    file: 'risk.aims.yaml',
    extra: { 'soa.aims.yaml': soa([], ['A.7.4']) },
    bad: RISK_HEAD + '  R-1:\n    title: Bias\n    treatment: mitigate\n    controls: [A.7.4]  # <--\n',
    good: RISK_HEAD + '  R-1:\n    title: Bias\n    treatment: mitigate\n    controls: [A.7.2]\n',
  },
  {
    code: 'invalid-likelihood',
    why: "Likelihood levels come from the manifest's risk criteria (clause 6.1.2).",
    file: 'risk.aims.yaml',
    bad: RISK_HEAD + '  R-1:\n    title: Bias\n    likelihood: medium  # <--\n',
    good: RISK_HEAD + '  R-1:\n    title: Bias\n    likelihood: possible\n',
  },
  {
    code: 'invalid-impact',
    why: "Impact levels come from the manifest's risk criteria (clause 6.1.2).",
    file: 'risk.aims.yaml',
    bad: RISK_HEAD + '  R-1:\n    title: Bias\n    impact: huge  # <--\n',
    good: RISK_HEAD + '  R-1:\n    title: Bias\n    impact: major\n',
  },
  {
    code: 'accepted-above-appetite',
    why: 'A risk scoring above the acceptable level cannot simply be accepted.',
    file: 'risk.aims.yaml',
    bad: RISK_HEAD + '  R-1:\n    title: Bias\n    likelihood: likely\n    impact: major\n    treatment: accept  # <--\n',
    good: RISK_HEAD + '  R-1:\n    title: Bias\n    likelihood: unlikely\n    impact: minor\n    treatment: accept\n',
  },
  {
    code: 'unknown-system',
    why: 'A risk must point at an AI system record of the workspace.',
    file: 'risk.aims.yaml',
    extra: { 'systems/chatbot.aims.yaml': SYS_HEAD + ART4 },
    bad: RISK_HEAD + '  R-1:\n    title: Bias\n    system: chat-bot  # <--\n',
    good: RISK_HEAD + '  R-1:\n    title: Bias\n    system: chatbot\n',
  },
  {
    code: 'mitigate-without-controls',
    why: 'Mitigation is done by controls; name them.',
    file: 'risk.aims.yaml',
    bad: RISK_HEAD + '  R-1:\n    title: Bias\n    treatment: mitigate  # <--\n',
    good: RISK_HEAD + '  R-1:\n    title: Bias\n    treatment: mitigate\n    controls: [A.7.4]\n',
  },
  {
    code: 'risk-status-treatment-mismatch',
    why: 'Status accepted goes with treatment accept.',
    file: 'risk.aims.yaml',
    bad: RISK_HEAD + '  R-1:\n    title: Bias\n    treatment: avoid\n    status: accepted  # <--\n',
    good: RISK_HEAD + '  R-1:\n    title: Bias\n    treatment: avoid\n    status: closed\n',
  },
  // ---- manifest
  {
    code: 'policy-review-overdue',
    why: 'A.2.4 asks for the AI policy to be reviewed at planned intervals.',
    file: 'aims.aims.yaml',
    bad: manifestWith('nextReview:', 'nextReview: 2026-10-01  # <--'),
    good: MANIFEST,
  },
  {
    code: 'no-recent-audit',
    why: 'Clause 9.2 asks for internal audits at planned intervals; none in twelve months is a finding.',
    file: 'aims.aims.yaml',
    bad: manifestWith('- { date: 2026-06-01', '- { date: 2025-06-01, scope: Clauses 4-10, findings: [] }').replace(
      'audits:',
      'audits:  # <--',
    ),
    good: MANIFEST,
  },
  {
    code: 'no-management-review',
    why: 'Clause 9.3 asks top management to review the AIMS at planned intervals.',
    file: 'aims.aims.yaml',
    bad: manifestWith('- { date: 2026-07-01', '- { date: 2025-07-01, decisions: [Keep the scope] }').replace(
      'managementReviews:',
      'managementReviews:  # <--',
    ),
    good: MANIFEST,
  },
  {
    code: 'nonconformity-overdue',
    why: 'Clause 10.2: corrective actions are tracked to completion.',
    file: 'aims.aims.yaml',
    bad: MANIFEST + 'nonconformities:\n  NC-1: { clause: 8.2, description: d, status: open, due: 2026-10-01 }  # <--\n',
    good: MANIFEST + 'nonconformities:\n  NC-1: { clause: 8.2, description: d, status: open, due: 2027-01-31 }\n',
  },
  {
    code: 'audit-finding-unknown',
    why: 'Audit findings are followed up as nonconformities (clause 10.2).',
    file: 'aims.aims.yaml',
    bad: manifestWith('- { date: 2026-06-01', '- { date: 2026-06-01, scope: Clauses 4-10, findings: [NC-9] }  # <--'),
    good: MANIFEST,
  },
  {
    code: 'objective-overdue',
    why: 'Clause 6.2: objectives are planned with a date; a passed date needs an update.',
    file: 'aims.aims.yaml',
    bad: MANIFEST + 'objectives:\n  OBJ-1: { statement: s, due: 2026-01-31, owner: aims-owner }  # <--\n',
    good: MANIFEST + 'objectives:\n  OBJ-1: { statement: s, due: 2027-01-31, owner: aims-owner }\n',
  },
  {
    code: 'invalid-risk-criteria',
    why: 'Risk criteria (clause 6.1.2) need distinct levels and a threshold inside the matrix.',
    file: 'aims.aims.yaml',
    bad: manifestWith('acceptable:', 'acceptable: 30  # <--'),
    good: MANIFEST,
  },
  {
    code: 'invalid-date',
    why: 'A date such as 2026-02-30 looks right and is not a day.',
    file: 'aims.aims.yaml',
    bad: manifestWith('approvedOn:', 'approvedOn: 2026-02-30  # <--'),
    good: MANIFEST,
  },
  {
    code: 'audit-in-future',
    why: 'An audit is recorded once it has happened.',
    file: 'aims.aims.yaml',
    bad: MANIFEST.replace('audits:\n', 'audits:\n  - { date: 2027-06-01, scope: Clauses 4-10, findings: [] }  # <--\n'),
    good: MANIFEST,
  },
  // ---- evidence
  {
    code: 'evidence-outside-workspace',
    why: 'Evidence must be in the workspace folder so every reviewer sees the same files; paths that leave it are never read.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + 'obligations:\n  Art. 4: { status: met, evidence: [../../secrets/x.md] }  # <--\n',
    good: SYS_HEAD + ART4,
  },
  {
    code: 'evidence-missing',
    why: 'Evidence that does not exist is no evidence; paths are relative to the file that names them.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + 'obligations:\n  Art. 4: { status: met, evidence: [evidence/x.md] }  # <--\n',
    good: SYS_HEAD + ART4,
  },
  {
    code: 'invalid-evidence-max-age',
    why: 'evidenceMaxAge is read as an ISO 8601 duration in whole days, weeks, months or years; anything else would leave every review unchecked without saying so.',
    file: 'aims.aims.yaml',
    bad: MANIFEST + 'evidenceMaxAge: PT12H  # <--\n',
    good: MANIFEST + 'evidenceMaxAge: P1Y\n',
  },
  {
    code: 'evidence-expired',
    why: 'Documented information must be fit for use when it is needed (clause 7.5.3): a certificate or contract past its end date no longer shows what it is cited for, and an auditor rejects it.',
    file: 'systems/chatbot.aims.yaml',
    bad:
      SYS_HEAD +
      'obligations:\n  Art. 4:\n    status: met\n    evidence:\n      - path: ../evidence/x.md\n        expires: 2026-06-30  # <--\n',
    good:
      SYS_HEAD + 'obligations:\n  Art. 4:\n    status: met\n    evidence:\n      - path: ../evidence/x.md\n        expires: 2027-06-30\n',
  },
  {
    code: 'evidence-stale',
    why: "The manifest's evidenceMaxAge says how long a review holds; evidence reviewed longer ago may no longer match the system it describes (clause 7.5.3).",
    file: 'systems/chatbot.aims.yaml',
    extra: { 'aims.aims.yaml': MANIFEST + 'evidenceMaxAge: P12M\n' },
    bad: SYS_HEAD + 'obligations:\n  Art. 4: { status: met, evidence: [{ path: ../evidence/x.md, reviewedOn: 2025-10-01 }] }  # <--\n',
    good: SYS_HEAD + 'obligations:\n  Art. 4: { status: met, evidence: [{ path: ../evidence/x.md, reviewedOn: 2026-01-15 }] }\n',
  },
  {
    code: 'evidence-reviewed-in-future',
    why: 'A review is recorded once it has taken place; a date after the reference date would keep the evidence fresh for longer than it is.',
    file: 'systems/chatbot.aims.yaml',
    bad:
      SYS_HEAD +
      'obligations:\n  Art. 4:\n    status: met\n    evidence:\n      - path: ../evidence/x.md\n        reviewedOn: 2027-01-10  # <--\n',
    good:
      SYS_HEAD +
      'obligations:\n  Art. 4:\n    status: met\n    evidence:\n      - path: ../evidence/x.md\n        reviewedOn: 2026-11-01\n',
  },
  {
    code: 'evidence-expires-before-review',
    why: 'A review cannot confirm a document that had already lapsed: one of the two dates is wrong, or the document needs replacing.',
    file: 'systems/chatbot.aims.yaml',
    bad:
      SYS_HEAD +
      'obligations:\n  Art. 4:\n    status: met\n    evidence:\n      - path: ../evidence/x.md\n        reviewedOn: 2026-09-01\n        expires: 2026-08-31  # <--\n',
    good:
      SYS_HEAD +
      'obligations:\n  Art. 4:\n    status: met\n    evidence:\n      - path: ../evidence/x.md\n        reviewedOn: 2026-09-01\n        expires: 2027-08-31\n',
  },
  {
    code: 'evidence-review-date-missing',
    why: 'With evidenceMaxAge set, only evidence with a review date can be checked for age. A plain path stays valid, so this is a hint: the quick fix writes the entry as {path, reviewedOn} with the reference date.',
    file: 'systems/chatbot.aims.yaml',
    extra: { 'aims.aims.yaml': MANIFEST + 'evidenceMaxAge: P12M\n' },
    bad: SYS_HEAD + ART4.replace('] }', '] }  # <--'),
    good: SYS_HEAD + 'obligations:\n  Art. 4: { status: met, evidence: [{ path: ../evidence/x.md, reviewedOn: 2026-06-01 }] }\n',
  },
  // ---- workspace
  {
    code: 'duplicate-id',
    why: 'References between files are by id; a duplicate makes them ambiguous.',
    file: 'systems/chatbot.aims.yaml',
    extra: { 'systems/other.aims.yaml': SYS_HEAD + ART4 },
    bad: SYS_HEAD.replace('id: chatbot', 'id: chatbot  # <--') + ART4,
    good: SYS_HEAD.replace('id: chatbot', 'id: chatbot-2') + ART4,
  },
  {
    code: 'multiple-manifests',
    why: 'One workspace folder is one AIMS with one manifest.',
    file: 'zz-second.aims.yaml',
    bad: 'aims: 1\nkind: AIMS  # <--\norganisation: Other\nscope: x\n',
    good: '',
  },
  {
    code: 'multiple-soas',
    why: 'One AIMS has one Statement of Applicability.',
    file: 'zz-second-soa.aims.yaml',
    bad: soaWith([]),
    line: 2,
    good: '',
  },
  {
    code: 'missing-manifest',
    why: 'Without a manifest, role ids and risk criteria cannot be checked.',
    file: 'systems/chatbot.aims.yaml',
    omit: ['manifest'],
    bad: SYS_HEAD.replace('kind: AISystem', 'kind: AISystem  # <--') + ART4,
    good: SYS_HEAD + ART4,
  },
  {
    code: 'missing-soa',
    why: 'Without an SoA, controls cited by records cannot be cross-checked.',
    file: 'systems/chatbot.aims.yaml',
    omit: ['soa'],
    bad: SYS_HEAD.replace('kind: AISystem', 'kind: AISystem  # <--') + ART4,
    good: SYS_HEAD + ART4,
  },
  {
    code: 'unknown-role',
    why: 'Owners and approvers are role ids of the manifest (clause 5.3).',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD.replace('owner: aims-owner', 'owner: aims-ownr  # <--') + ART4,
    good: SYS_HEAD + ART4,
  },
  {
    code: 'placeholder-text',
    why: 'Templates leave "TODO" text to replace; an auditor reads it as a missing answer.',
    file: 'systems/chatbot.aims.yaml',
    bad: SYS_HEAD + ART4 + 'intendedPurpose: TODO - describe the intended purpose  # <--\n',
    good: SYS_HEAD + ART4 + 'intendedPurpose: Answers customer questions\n',
  },
];
