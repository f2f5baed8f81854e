/**
 * The AI Act's duties as data: one row per duty, with the paragraph that
 * creates it, who owes it, the condition that triggers it, the rule that dates
 * it and the Official Journal words it rests on. The evaluator
 * (applicability-eval.ts) reads these rows, the rules read the evaluator, and
 * docs/obligations.md is generated from them (`npm run docs:obligations`) so a
 * lawyer can review every row. Written from Regulation (EU) 2024/1689 as
 * published in the Official Journal (OJ L, 2024/1689, 12.7.2024).
 */

/** The operator roles of Art. 3(3)-(8) a record can declare. */
export type Role = 'provider' | 'deployer' | 'importer' | 'distributor' | 'authorised-representative' | 'product-manufacturer';

/** The roles duties are owed by; a product manufacturer owes duties as the provider (Art. 25(3)). */
export type DutyRole = Exclude<Role, 'product-manufacturer'>;

/** The Art. 50 cases a record can state (`transparency:`), whatever its tier. */
export type TransparencyCase =
  'interaction' | 'synthetic-content' | 'emotion-recognition' | 'biometric-categorisation' | 'deep-fake' | 'public-interest-text';

export const TRANSPARENCY_CASES: readonly TransparencyCase[] = [
  'interaction',
  'synthetic-content',
  'emotion-recognition',
  'biometric-categorisation',
  'deep-fake',
  'public-interest-text',
];

/** The Art. 25(1) events that make a distributor, importer, deployer or other third party the provider. */
export type ValueChainEvent = 'own-name' | 'substantial-modification' | 'changed-purpose';

export const VALUE_CHAIN_EVENTS: readonly { event: ValueChainEvent; point: string; what: string }[] = [
  { event: 'own-name', point: 'Art. 25(1)(a)', what: 'puts its name or trademark on a high-risk AI system already on the market' },
  {
    event: 'substantial-modification',
    point: 'Art. 25(1)(b)',
    what: 'makes a substantial modification to a high-risk AI system so that it remains high-risk',
  },
  {
    event: 'changed-purpose',
    point: 'Art. 25(1)(c)',
    what: 'modifies the intended purpose of a system not classified as high-risk so that it becomes high-risk',
  },
];

/** Yes/no facts of a record that duties turn on. */
export type Fact = 'publicBody' | 'publicAuthority' | 'thirdCountry' | 'systemicRisk' | 'openSource';

/**
 * A duty's condition. Every field given must hold; of `anyOf`, at least one
 * entry must hold. A fact set to false holds when the record says false or
 * says nothing.
 */
export interface Condition {
  /** What the record is about: an AI system, or a general-purpose AI model (Chapter V). */
  subject: 'ai-system' | 'gpai-model';
  /**
   * The classification outcome: 'high-risk' (Art. 6(1) with Annex I Section A, or Art. 6(2)
   * without the derogation) or 'derogation' (an Annex III system that is not high-risk under
   * Art. 6(3)). Absent: any AI system the Act reaches, whatever its tier (not a prohibited
   * practice, not an Annex I Section B product, Art. 2(2)).
   */
  regime?: 'high-risk' | 'derogation';
  basis?: 'annex-i' | 'annex-iii';
  /** Only these Annex III points ('2', '5(b)' …). */
  annexIIIOnly?: readonly string[];
  /** Not these Annex III points. */
  annexIIIExcept?: readonly string[];
  facts?: Partial<Record<Fact, boolean>>;
  /** At least one of these Art. 50 cases applies. */
  transparency?: readonly TransparencyCase[];
  anyOf?: readonly Omit<Condition, 'subject' | 'anyOf'>[];
}

/**
 * How a duty is dated:
 * - 'art-113-a': 2 February 2025 (Art. 113, third paragraph, point (a));
 * - 'art-113-b': 2 August 2025 (point (b)), and 2 August 2027 for models placed on the market before 2 August 2025 (Art. 111(3));
 * - 'general': 2 August 2026 (Art. 113, second paragraph);
 * - 'general-50-2': as 'general', with the grace period reported for Art. 50(2) (Art. 111(4), Digital Omnibus, reported);
 * - 'high-risk': the high-risk date for the system's basis (Art. 113, second paragraph, or point (c) for Annex I), as
 *   amended (reported), with the transitional rules of Art. 111(2) for systems already on the market.
 */
export type DateRule = 'art-113-a' | 'art-113-b' | 'general' | 'general-50-2' | 'high-risk';

export interface Duty {
  /** Stable id, e.g. 'art-49-1'. */
  id: string;
  /** The reference a record lists under `obligations` to address it, e.g. 'Art. 49(1)'. */
  ref: string;
  /** 'duty' is demanded of the record; 'right' is a right of affected persons, shown as a note. */
  kind: 'duty' | 'right';
  /** Where the record addresses it when not under `obligations`. */
  recordedAt?: string;
  /** Who owes it (any of). 'provider' includes operators considered the provider under Art. 25(1) and 25(3). */
  roles: readonly DutyRole[];
  when: Condition;
  /** Who owes it, as a noun phrase citing the paragraphs, for messages. */
  owedBy: string;
  /** The paragraph that creates the duty. */
  creates: string;
  /** Further provisions the duty runs through (e.g. the Art. 16 point that points to it). */
  via?: string;
  dates: DateRule;
  /** The operative words in the Official Journal text, quoted. */
  quote?: string;
  /** What the row decides beyond the words, and why. */
  note?: string;
}

const PROVIDER_HR = 'providers of high-risk AI systems';
const ALL_ANNEX_III_BUT_2 = ['2'] as const;
/** A public authority (or Union body) deploying an Annex III system other than point 2: Art. 26(8), 49(3). */
const PUBLIC_AUTHORITY_USE: Condition = {
  subject: 'ai-system',
  regime: 'high-risk',
  basis: 'annex-iii',
  annexIIIExcept: ALL_ANNEX_III_BUT_2,
  facts: { publicAuthority: true },
};

/** The provider duties that Art. 16 points to, one row each. */
function providerDuty(article: number, point: string, what: string, extra: Partial<Duty> = {}): Duty {
  return {
    id: `art-${article}`,
    ref: `Art. ${article}`,
    kind: 'duty',
    roles: ['provider'],
    when: { subject: 'ai-system', regime: 'high-risk' },
    owedBy: `${PROVIDER_HR} (Art. 16(${point}))`,
    creates: `Art. ${article}`,
    via: `Art. 16(${point})`,
    dates: 'high-risk',
    note: what,
    ...extra,
  };
}

export const DUTIES: readonly Duty[] = [
  // ---- Chapter I
  {
    id: 'art-4',
    ref: 'Art. 4',
    kind: 'duty',
    roles: ['provider', 'deployer'],
    when: { subject: 'ai-system' },
    owedBy: 'providers and deployers of AI systems (Art. 4)',
    creates: 'Art. 4',
    dates: 'art-113-a',
    note: 'AI literacy of staff and others dealing with the system. Binds providers and deployers of AI systems, not of models, nor importers, distributors or authorised representatives.',
  },
  // ---- Chapter III: providers of high-risk AI systems (Art. 16)
  providerDuty(9, 'a', 'Risk management system (Section 2 requirement).'),
  providerDuty(10, 'a', 'Data and data governance (Section 2 requirement).'),
  providerDuty(11, 'a', 'Technical documentation, Annex IV (Section 2 requirement).'),
  providerDuty(12, 'a', 'Record-keeping (Section 2 requirement).'),
  providerDuty(13, 'a', 'Transparency and information to deployers (Section 2 requirement).'),
  providerDuty(14, 'a', 'Human oversight (Section 2 requirement).'),
  providerDuty(15, 'a', 'Accuracy, robustness and cybersecurity (Section 2 requirement).'),
  {
    id: 'art-16',
    ref: 'Art. 16',
    kind: 'duty',
    roles: ['provider'],
    when: { subject: 'ai-system', regime: 'high-risk' },
    owedBy: `${PROVIDER_HR} (Art. 16(b), (k), (l))`,
    creates: 'Art. 16',
    dates: 'high-risk',
    note: 'The points of Art. 16 that no other row covers: (b) name, registered trade name or mark and contact address on the system, its packaging or documentation; (k) demonstrate conformity on a reasoned request (with Art. 21); (l) accessibility requirements (Directives (EU) 2016/2102 and (EU) 2019/882). Points (a) and (c)-(j) are the rows for Art. 9-15 (Section 2, with Art. 8), 17-20, 43, 47, 48 and 49(1).',
  },
  providerDuty(17, 'c', 'Quality management system.'),
  providerDuty(18, 'd', 'Documentation keeping (10 years).'),
  providerDuty(19, 'e', 'Automatically generated logs, where under the provider’s control.'),
  providerDuty(20, 'j', 'Corrective actions and duty of information.'),
  providerDuty(43, 'f', 'Conformity assessment before placing on the market or putting into service.', {
    note: 'Conformity assessment before placing on the market or putting into service. The route follows the basis: Annex III point 1: Annex VI or VII where harmonised standards or common specifications were applied in full, otherwise Annex VII (Art. 43(1)); points 2-8: Annex VI, no notified body (Art. 43(2)); Annex I Section A: the procedure of the sectoral legislation (Art. 43(3)). A substantial modification needs a new assessment (Art. 43(4)).',
    quote:
      'For high-risk AI systems referred to in points 2 to 8 of Annex III, providers shall follow the conformity assessment procedure based on internal control as referred to in Annex VI, which does not provide for the involvement of a notified body. (Art. 43(2))',
  }),
  providerDuty(47, 'g', 'EU declaration of conformity.'),
  providerDuty(48, 'h', 'CE marking.'),
  {
    id: 'art-49-1',
    ref: 'Art. 49(1)',
    kind: 'duty',
    roles: ['provider'],
    when: { subject: 'ai-system', regime: 'high-risk', basis: 'annex-iii', annexIIIExcept: ALL_ANNEX_III_BUT_2 },
    owedBy: `${PROVIDER_HR} listed in Annex III, except point 2 (Art. 16(i), 49(1))`,
    creates: 'Art. 49(1)',
    via: 'Art. 16(i)',
    dates: 'high-risk',
    quote:
      'Before placing on the market or putting into service a high-risk AI system listed in Annex III, with the exception of high-risk AI systems referred to in point 2 of Annex III, the provider or, where applicable, the authorised representative shall register themselves and their system in the EU database referred to in Article 71.',
    note: 'Annex I systems are not registered under Art. 49. Systems of points 1, 6 and 7 in the areas of law enforcement, migration, asylum and border control management register in the secure non-public section, with less information (Art. 49(4)).',
  },
  {
    id: 'art-49-5',
    ref: 'Art. 49(5)',
    kind: 'duty',
    roles: ['provider'],
    when: { subject: 'ai-system', regime: 'high-risk', basis: 'annex-iii', annexIIIOnly: ['2'] },
    owedBy: `${PROVIDER_HR} in Annex III point 2, critical infrastructure (Art. 49(5))`,
    creates: 'Art. 49(5)',
    dates: 'high-risk',
    quote: 'High-risk AI systems referred to in point 2 of Annex III shall be registered at national level.',
    note: 'Art. 49(5) does not say who registers; national law decides. It is listed for the provider, who registers other Annex III systems under Art. 49(1).',
  },
  {
    id: 'art-72',
    ref: 'Art. 72',
    kind: 'duty',
    roles: ['provider'],
    when: { subject: 'ai-system', regime: 'high-risk' },
    owedBy: `${PROVIDER_HR} (Art. 72(1))`,
    creates: 'Art. 72(1)',
    dates: 'high-risk',
    note: 'Post-market monitoring system and plan (part of the Annex IV documentation).',
  },
  {
    id: 'art-73',
    ref: 'Art. 73',
    kind: 'duty',
    roles: ['provider'],
    when: { subject: 'ai-system', regime: 'high-risk' },
    owedBy: `${PROVIDER_HR} placed on the Union market (Art. 73(1))`,
    creates: 'Art. 73(1)',
    dates: 'high-risk',
    note: 'Reporting of serious incidents to the market surveillance authorities.',
  },
  {
    id: 'art-22-1',
    ref: 'Art. 22(1)',
    kind: 'duty',
    roles: ['provider'],
    when: { subject: 'ai-system', regime: 'high-risk', facts: { thirdCountry: true } },
    owedBy: `${PROVIDER_HR} established in third countries (Art. 22(1))`,
    creates: 'Art. 22(1)',
    dates: 'high-risk',
    quote:
      'Prior to making their high-risk AI systems available on the Union market, providers established in third countries shall, by written mandate, appoint an authorised representative which is established in the Union.',
  },
  // ---- Art. 6(3)-(4): an Annex III system the provider concludes is not high-risk
  {
    id: 'art-6-4',
    ref: 'Art. 6(4)',
    kind: 'duty',
    recordedAt: 'classification.derogation.assessment',
    roles: ['provider'],
    when: { subject: 'ai-system', regime: 'derogation', basis: 'annex-iii' },
    owedBy: 'providers that consider an Annex III system not high-risk (Art. 6(4))',
    creates: 'Art. 6(4)',
    dates: 'high-risk',
    quote:
      'A provider who considers that an AI system referred to in Annex III is not high-risk shall document its assessment before that system is placed on the market or put into service.',
    note: 'Recorded as classification.derogation.assessment, not under obligations. The derogation is not available to a system that performs profiling of natural persons (Art. 6(3), third subparagraph).',
  },
  {
    id: 'art-49-2',
    ref: 'Art. 49(2)',
    kind: 'duty',
    roles: ['provider'],
    when: { subject: 'ai-system', regime: 'derogation', basis: 'annex-iii' },
    owedBy: 'providers that concluded under Art. 6(3) that an Annex III system is not high-risk (Art. 6(4), 49(2))',
    creates: 'Art. 49(2)',
    via: 'Art. 6(4)',
    dates: 'high-risk',
    quote:
      'Before placing on the market or putting into service an AI system for which the provider has concluded that it is not high-risk according to Article 6(3), that provider or, where applicable, the authorised representative shall register themselves and that system in the EU database referred to in Article 71.',
  },
  // ---- Chapter III: deployers
  {
    id: 'art-26',
    ref: 'Art. 26',
    kind: 'duty',
    roles: ['deployer'],
    when: { subject: 'ai-system', regime: 'high-risk' },
    owedBy: 'deployers of high-risk AI systems (Art. 26)',
    creates: 'Art. 26',
    dates: 'high-risk',
    note: 'Use per the instructions, human oversight, input data, monitoring, logs for at least six months (26(6)), informing workers’ representatives before use at the workplace (26(7)), informing persons subject to Annex III decisions (26(11)), cooperation. Registration by public-authority deployers is its own row (26(8)).',
  },
  {
    id: 'art-26-8',
    ref: 'Art. 26(8)',
    kind: 'duty',
    roles: ['deployer'],
    when: PUBLIC_AUTHORITY_USE,
    owedBy: 'deployers of high-risk AI systems that are public authorities or Union institutions, bodies, offices or agencies (Art. 26(8))',
    creates: 'Art. 26(8)',
    dates: 'high-risk',
    quote:
      'Deployers of high-risk AI systems that are public authorities, or Union institutions, bodies, offices or agencies shall comply with the registration obligations referred to in Article 49. When such deployers find that the high-risk AI system that they envisage using has not been registered in the EU database referred to in Article 71, they shall not use that system and shall inform the provider or the distributor.',
    note: 'Art. 49 registers a deployer’s use only for Annex III systems other than point 2 (Art. 49(3)); Annex I and point 2 systems are never in the EU database, so the row is limited to those Annex III points.',
  },
  {
    id: 'art-49-3',
    ref: 'Art. 49(3)',
    kind: 'duty',
    roles: ['deployer'],
    when: PUBLIC_AUTHORITY_USE,
    owedBy:
      'deployers of Annex III systems (except point 2) that are public authorities, Union institutions, bodies, offices or agencies, or persons acting on their behalf (Art. 26(8), 49(3))',
    creates: 'Art. 49(3)',
    via: 'Art. 26(8)',
    dates: 'high-risk',
    quote:
      'Before putting into service or using a high-risk AI system listed in Annex III, with the exception of high-risk AI systems listed in point 2 of Annex III, deployers that are public authorities, Union institutions, bodies, offices or agencies or persons acting on their behalf shall register themselves, select the system and register its use in the EU database referred to in Article 71.',
  },
  {
    id: 'art-27',
    ref: 'Art. 27',
    kind: 'duty',
    roles: ['deployer'],
    when: {
      subject: 'ai-system',
      regime: 'high-risk',
      basis: 'annex-iii',
      annexIIIExcept: ALL_ANNEX_III_BUT_2,
      anyOf: [{ facts: { publicBody: true } }, { annexIIIOnly: ['5(b)', '5(c)'] }],
    },
    owedBy:
      'deployers of Art. 6(2) systems (Annex III, except point 2) that are bodies governed by public law or private entities providing public services, and deployers of Annex III points 5(b) and 5(c) systems (Art. 27(1))',
    creates: 'Art. 27(1)',
    dates: 'high-risk',
    quote:
      'Prior to deploying a high-risk AI system referred to in Article 6(2), with the exception of high-risk AI systems intended to be used in the area listed in point 2 of Annex III, deployers that are bodies governed by public law, or are private entities providing public services, and deployers of high-risk AI systems referred to in points 5 (b) and (c) of Annex III, shall perform an assessment of the impact on fundamental rights that the use of such system may produce.',
    note: 'Never for Annex I systems, never for Annex III point 2.',
  },
  {
    id: 'art-86',
    ref: 'Art. 86',
    kind: 'right',
    roles: ['deployer'],
    when: { subject: 'ai-system', regime: 'high-risk', basis: 'annex-iii', annexIIIExcept: ALL_ANNEX_III_BUT_2 },
    owedBy:
      'deployers taking decisions on the basis of the output of Annex III systems (except point 2), towards the affected persons (Art. 86(1))',
    creates: 'Art. 86(1)',
    dates: 'general',
    quote:
      'Any affected person subject to a decision which is taken by the deployer on the basis of the output from a high-risk AI system listed in Annex III, with the exception of systems listed under point 2 thereof, and which produces legal effects or similarly significantly affects that person … shall have the right to obtain from the deployer clear and meaningful explanations of the role of the AI system in the decision-making procedure and the main elements of the decision taken.',
    note: 'A right of the affected person, exercised against the deployer, not a duty the Act lists for the deployer: it arises on request, only for decisions with legal or similarly significant effects, and only where Union law does not already give it (Art. 86(3)). Shown as a note; the deployer duty to inform persons subject to Annex III decisions is Art. 26(11).',
  },
  // ---- Chapter III: other operators
  {
    id: 'art-23',
    ref: 'Art. 23',
    kind: 'duty',
    roles: ['importer'],
    when: { subject: 'ai-system', regime: 'high-risk' },
    owedBy: 'importers of high-risk AI systems (Art. 23)',
    creates: 'Art. 23',
    dates: 'high-risk',
  },
  {
    id: 'art-24',
    ref: 'Art. 24',
    kind: 'duty',
    roles: ['distributor'],
    when: { subject: 'ai-system', regime: 'high-risk' },
    owedBy: 'distributors of high-risk AI systems (Art. 24)',
    creates: 'Art. 24',
    dates: 'high-risk',
  },
  {
    id: 'art-22-3',
    ref: 'Art. 22(3)',
    kind: 'duty',
    roles: ['authorised-representative'],
    when: { subject: 'ai-system', regime: 'high-risk' },
    owedBy: 'authorised representatives of providers of high-risk AI systems (Art. 22(3))',
    creates: 'Art. 22(3)',
    dates: 'high-risk',
    note: 'The tasks of the mandate, including registration under Art. 49(1) where the provider leaves it to the representative (Art. 22(3)(e)).',
  },
  // ---- Chapter IV: transparency, by case and role, on top of any tier (Art. 50(6))
  {
    id: 'art-50-1',
    ref: 'Art. 50(1)',
    kind: 'duty',
    roles: ['provider'],
    when: { subject: 'ai-system', transparency: ['interaction'] },
    owedBy: 'providers of AI systems intended to interact directly with natural persons (Art. 50(1))',
    creates: 'Art. 50(1)',
    dates: 'general',
    quote:
      'Providers shall ensure that AI systems intended to interact directly with natural persons are designed and developed in such a way that the natural persons concerned are informed that they are interacting with an AI system, unless this is obvious …',
    note: 'A deployer of such a system owes nothing under Art. 50(1). Not for systems authorised by law to detect, prevent, investigate or prosecute criminal offences, unless the public can use them to report a criminal offence (Art. 50(1), second sentence): mark the entry not-applicable with that justification.',
  },
  {
    id: 'art-50-2',
    ref: 'Art. 50(2)',
    kind: 'duty',
    roles: ['provider'],
    // A deep fake is AI-generated or manipulated image, audio or video content (Art. 3(60)): its generator's provider marks it too.
    when: { subject: 'ai-system', transparency: ['synthetic-content', 'deep-fake'] },
    owedBy: 'providers of AI systems generating synthetic audio, image, video or text content (Art. 50(2))',
    creates: 'Art. 50(2)',
    dates: 'general-50-2',
    quote:
      'Providers of AI systems, including general-purpose AI systems, generating synthetic audio, image, video or text content, shall ensure that the outputs of the AI system are marked in a machine-readable format and detectable as artificially generated or manipulated.',
    note: 'A system that generates deep fakes (`deep-fake`) generates synthetic image, audio or video content (Art. 3(60)), so its provider owes it too. Where the system only assists standard editing or does not substantially alter the input data, the duty does not apply (Art. 50(2), third sentence): mark the entry not-applicable with that justification.',
  },
  {
    id: 'art-50-3',
    ref: 'Art. 50(3)',
    kind: 'duty',
    roles: ['deployer'],
    when: {
      subject: 'ai-system',
      anyOf: [{ transparency: ['emotion-recognition', 'biometric-categorisation'] }, { annexIIIOnly: ['1(b)', '1(c)'] }],
    },
    owedBy: 'deployers of emotion recognition or biometric categorisation systems (Art. 50(3))',
    creates: 'Art. 50(3)',
    dates: 'general',
    quote:
      'Deployers of an emotion recognition system or a biometric categorisation system shall inform the natural persons exposed thereto of the operation of the system …',
    note: 'Annex III points 1(b) and 1(c) are biometric categorisation and emotion recognition systems, so their deployers owe it too, high-risk or not (Art. 50(6)). Not for such systems permitted by law to detect, prevent or investigate criminal offences (Art. 50(3), second sentence): mark the entry not-applicable with that justification.',
  },
  {
    id: 'art-50-4',
    ref: 'Art. 50(4)',
    kind: 'duty',
    roles: ['deployer'],
    when: { subject: 'ai-system', transparency: ['deep-fake', 'public-interest-text'] },
    owedBy:
      'deployers of AI systems that generate or manipulate deep fakes, or text published to inform the public on matters of public interest (Art. 50(4))',
    creates: 'Art. 50(4)',
    dates: 'general',
    quote:
      'Deployers of an AI system that generates or manipulates image, audio or video content constituting a deep fake, shall disclose that the content has been artificially generated or manipulated.',
    note: 'Second subparagraph: AI-generated or manipulated text published to inform the public on matters of public interest is disclosed, unless it underwent human review or editorial control with editorial responsibility.',
  },
  // ---- Chapter V: general-purpose AI models
  {
    id: 'art-53',
    ref: 'Art. 53',
    kind: 'duty',
    roles: ['provider'],
    when: { subject: 'gpai-model', anyOf: [{ facts: { openSource: false } }, { facts: { systemicRisk: true } }] },
    owedBy: 'providers of general-purpose AI models (Art. 53(1))',
    creates: 'Art. 53(1)',
    dates: 'art-113-b',
    note: 'Points (a)-(d): technical documentation (Annex XI), information for downstream providers (Annex XII), copyright policy, training content summary.',
  },
  {
    id: 'art-53-1-c',
    ref: 'Art. 53(1)(c)',
    kind: 'duty',
    roles: ['provider'],
    when: { subject: 'gpai-model', facts: { openSource: true, systemicRisk: false } },
    owedBy:
      'providers of free and open-source general-purpose AI models, which Art. 53(2) exempts from points (a) and (b) only (Art. 53(1)(c))',
    creates: 'Art. 53(1)(c)',
    dates: 'art-113-b',
    quote:
      'The obligations set out in paragraph 1, points (a) and (b), shall not apply to providers of AI models that are released under a free and open-source licence … This exception shall not apply to general-purpose AI models with systemic risks. (Art. 53(2))',
    note: 'Copyright policy.',
  },
  {
    id: 'art-53-1-d',
    ref: 'Art. 53(1)(d)',
    kind: 'duty',
    roles: ['provider'],
    when: { subject: 'gpai-model', facts: { openSource: true, systemicRisk: false } },
    owedBy:
      'providers of free and open-source general-purpose AI models, which Art. 53(2) exempts from points (a) and (b) only (Art. 53(1)(d))',
    creates: 'Art. 53(1)(d)',
    dates: 'art-113-b',
    note: 'Public summary of the content used for training.',
  },
  {
    id: 'art-52-1',
    ref: 'Art. 52(1)',
    kind: 'duty',
    roles: ['provider'],
    when: { subject: 'gpai-model', facts: { systemicRisk: true } },
    owedBy: 'providers of general-purpose AI models with systemic risk (Art. 52(1))',
    creates: 'Art. 52(1)',
    dates: 'art-113-b',
    quote:
      'Where a general-purpose AI model meets the condition referred to in Article 51(1), point (a), the relevant provider shall notify the Commission without delay and in any event within two weeks after that requirement is met or it becomes known that it will be met.',
    note: 'Due when the model meets the high-impact capabilities condition of Art. 51(1)(a); a model the Commission designated of its own motion (Art. 51(1)(b)) has nothing to notify: mark it not-applicable with that justification.',
  },
  {
    id: 'art-55',
    ref: 'Art. 55',
    kind: 'duty',
    roles: ['provider'],
    when: { subject: 'gpai-model', facts: { systemicRisk: true } },
    owedBy: 'providers of general-purpose AI models with systemic risk (Art. 55(1))',
    creates: 'Art. 55(1)',
    dates: 'art-113-b',
  },
  {
    id: 'art-54-1',
    ref: 'Art. 54(1)',
    kind: 'duty',
    roles: ['provider'],
    when: {
      subject: 'gpai-model',
      facts: { thirdCountry: true },
      anyOf: [{ facts: { openSource: false } }, { facts: { systemicRisk: true } }],
    },
    owedBy: 'providers of general-purpose AI models established in third countries (Art. 54(1))',
    creates: 'Art. 54(1)',
    dates: 'art-113-b',
    quote:
      'Prior to placing a general-purpose AI model on the Union market, providers established in third countries shall, by written mandate, appoint an authorised representative which is established in the Union.',
    note: 'Not for free and open-source models without systemic risk (Art. 54(6)).',
  },
  {
    id: 'art-54-3',
    ref: 'Art. 54(3)',
    kind: 'duty',
    roles: ['authorised-representative'],
    when: { subject: 'gpai-model', anyOf: [{ facts: { openSource: false } }, { facts: { systemicRisk: true } }] },
    owedBy: 'authorised representatives of providers of general-purpose AI models (Art. 54(3))',
    creates: 'Art. 54(3)',
    dates: 'art-113-b',
    note: 'Not for free and open-source models without systemic risk (Art. 54(6)).',
  },
];

/** A practice Art. 5 prohibits whatever the record's tier says. */
export interface Prohibition {
  id: string;
  creates: string;
  /** The system infers emotions (an Annex III point, or an Art. 50 case). */
  practice: { annexIII: readonly string[]; transparency: readonly TransparencyCase[] };
  /** In these areas (`usedIn:`). */
  areas: readonly ('workplace' | 'education')[];
  /** Unless this fact is true. */
  unless: 'medicalOrSafety';
  quote: string;
}

export const PROHIBITIONS: readonly Prohibition[] = [
  {
    id: 'art-5-1-f',
    creates: 'Art. 5(1)(f)',
    practice: { annexIII: ['1(c)'], transparency: ['emotion-recognition'] },
    areas: ['workplace', 'education'],
    unless: 'medicalOrSafety',
    quote:
      'the placing on the market, the putting into service for this specific purpose, or the use of AI systems to infer emotions of a natural person in the areas of workplace and education institutions, except where the use of the AI system is intended to be put in place or into the market for medical or safety reasons',
  },
];

/** Art. 111 and the reported amendment: the dates the transitional rules turn on. */
export const TRANSITIONAL = {
  /** Art. 111(2): high-risk systems placed on the market or put into service before this date (original text). */
  legacyBefore: '2026-08-02',
  /** Art. 111(2), second sentence: systems intended to be used by public authorities comply by this date. */
  publicAuthorityBy: '2030-08-02',
  /** Art. 111(3): general-purpose AI models placed on the market before this date … */
  gpaiBefore: '2025-08-02',
  /** … comply by this date. */
  gpaiBy: '2027-08-02',
  /** Reported Art. 111(4) (Digital Omnibus): Art. 50(2) for systems placed before this date … */
  marking50Before: '2026-08-02',
  /** … applies from this date (reported). */
  marking50From: '2026-12-02',
} as const;

/** The conformity assessment procedures of Art. 43, as `route:` values of an `Art. 43` obligation. */
export type ConformityRoute = 'annex-vi' | 'annex-vii' | 'sectoral';

export const ROUTE_NAMES: Readonly<Record<ConformityRoute, string>> = {
  'annex-vi': 'internal control (Annex VI)',
  'annex-vii': 'assessment of the quality management system and technical documentation with a notified body (Annex VII)',
  sectoral: 'the conformity assessment of the Annex I Section A legislation, with the Section 2 requirements checked within it',
};

/** Which Art. 43 routes a high-risk system may take, by basis and Annex III point. */
export interface RouteRule {
  creates: string;
  basis: 'annex-i' | 'annex-iii';
  annexIIIOnly?: readonly string[];
  annexIIIExcept?: readonly string[];
  routes: readonly ConformityRoute[];
  /** Annex VI is open only where harmonised standards or common specifications were applied in full. */
  annexVIOnlyWithFullStandards?: boolean;
  quote: string;
}

export const ROUTE_RULES: readonly RouteRule[] = [
  {
    creates: 'Art. 43(1)',
    basis: 'annex-iii',
    annexIIIOnly: ['1'],
    routes: ['annex-vi', 'annex-vii'],
    annexVIOnlyWithFullStandards: true,
    quote:
      'For high-risk AI systems listed in point 1 of Annex III, where, in demonstrating the compliance of a high-risk AI system with the requirements set out in Section 2, the provider has applied harmonised standards referred to in Article 40, or, where applicable, common specifications referred to in Article 41, the provider shall opt for one of the following conformity assessment procedures based on: (a) the internal control referred to in Annex VI; or (b) the assessment of the quality management system and the assessment of the technical documentation, with the involvement of a notified body, referred to in Annex VII.',
  },
  {
    creates: 'Art. 43(2)',
    basis: 'annex-iii',
    annexIIIExcept: ['1'],
    routes: ['annex-vi'],
    quote:
      'For high-risk AI systems referred to in points 2 to 8 of Annex III, providers shall follow the conformity assessment procedure based on internal control as referred to in Annex VI, which does not provide for the involvement of a notified body.',
  },
  {
    creates: 'Art. 43(3)',
    basis: 'annex-i',
    routes: ['sectoral'],
    quote:
      'For high-risk AI systems covered by the Union harmonisation legislation listed in Section A of Annex I, the provider shall follow the relevant conformity assessment procedure as required under those legal acts.',
  },
];
