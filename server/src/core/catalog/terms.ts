/**
 * Terms that ISO/IEC 42001 and the EU AI Act both use, or that look alike,
 * with what each means, side by side. Written for this project (never ISO's
 * text); Act definitions are quoted from Article 3 by the hover, with
 * attribution. Every article cited is checked against the catalog by the tests.
 */
export interface TermComparison {
  id: string;
  term: string;
  /** Lower-case words and enum values that show this comparison. */
  aliases: string[];
  iso: string;
  act: string;
  /** Article 3 point whose text the hover quotes. */
  actDefinition?: number;
  articles: string[];
  pitfall: string;
}

const TERMS: TermComparison[] = [
  {
    id: 'ai-system',
    term: 'AI system',
    aliases: ['ai system', 'ai systems', 'aisystem'],
    iso: 'A term the standard takes from ISO/IEC 22989: a technical system whose outputs serve goals that people give it. In an AIMS it marks what the management system governs (clause 4.3 scope).',
    act: 'A machine-based system with some autonomy that infers from its input how to produce outputs that can influence environments (Art. 3(1)). Falling under it triggers legal duties.',
    actDefinition: 1,
    articles: ['Art. 3', 'Art. 2'],
    pitfall:
      'Something inside your AIMS scope is not automatically an "AI system" under the Act, and the reverse: classify each system against Art. 3(1) separately.',
  },
  {
    id: 'provider',
    term: 'provider',
    aliases: ['provider', 'providers'],
    iso: 'The AI provider is one of the roles of clause 4.1: it makes AI products or services available to others. Developing them is a separate role, the AI producer.',
    act: "Whoever develops an AI system or model, or has it developed, and places it on the market or puts it into service under its own name (Art. 3(3)). It spans ISO's AI producer and AI provider. Providers of high-risk systems carry the heaviest duties (Art. 16).",
    actDefinition: 3,
    articles: ['Art. 3', 'Art. 16'],
    pitfall:
      'Changing the intended purpose or substantially modifying a high-risk system can make a deployer a provider (Art. 25(1)); the ISO role does not follow automatically.',
  },
  {
    id: 'deployer',
    term: 'deployer',
    aliases: ['deployer', 'deployers'],
    iso: 'False friend: ISO\'s "AI deployer" is a sub-role of the AI producer (clause 4.1), which deploys the systems it produces. The ISO role closest to the Act\'s deployer is the AI customer, including the AI user; responsible use is A.9.',
    act: 'A person or body using an AI system under its authority, except for personal non-professional activity (Art. 3(4)). Deployers of high-risk systems have duties under Art. 26, some a fundamental rights impact assessment under Art. 27.',
    actDefinition: 4,
    articles: ['Art. 3', 'Art. 26', 'Art. 27'],
    pitfall:
      '"User" in older drafts and in ISO usage is not the Act\'s term; the Act\'s deployer duties are legal obligations, not control choices.',
  },
  {
    id: 'importer',
    term: 'importer',
    aliases: ['importer', 'importers'],
    iso: 'Not a defined role; at most an interested party or a supplier relationship (A.10).',
    act: 'A person or body in the Union placing on the market an AI system bearing the name or trade mark of someone established outside the Union (Art. 3(6)); duties in Art. 23.',
    actDefinition: 6,
    articles: ['Art. 3', 'Art. 23'],
    pitfall: 'Importer duties exist only for high-risk systems under the Act; an AIMS supplier process does not discharge them.',
  },
  {
    id: 'distributor',
    term: 'distributor',
    aliases: ['distributor', 'distributors'],
    iso: 'Not a defined role; covered, if at all, by third-party relationships (A.10).',
    act: 'A person or body in the supply chain, other than the provider or importer, that makes an AI system available on the Union market (Art. 3(7)); duties in Art. 24.',
    actDefinition: 7,
    articles: ['Art. 3', 'Art. 24'],
    pitfall: 'A distributor that puts its name on a high-risk system becomes its provider (Art. 25(1)).',
  },
  {
    id: 'authorised-representative',
    term: 'authorised representative',
    aliases: ['authorised-representative', 'authorised representative', 'authorized representative'],
    iso: 'Not an ISO/IEC 42001 concept.',
    act: 'A person or body in the Union with a written mandate from a provider outside the Union to act for it (Art. 3(5)); tasks in Art. 22 (high-risk systems) and Art. 54 (general-purpose AI models).',
    actDefinition: 5,
    articles: ['Art. 3', 'Art. 22', 'Art. 54'],
    pitfall: 'The mandate is a legal instrument; an AIMS role with the same name has no standing under the Act.',
  },
  {
    id: 'product-manufacturer',
    term: 'product manufacturer',
    aliases: ['product-manufacturer', 'product manufacturer'],
    iso: 'Not an ISO/IEC 42001 role.',
    act: 'A manufacturer of a product covered by the Annex I Section A legislation that places a high-risk AI system (a safety component of the product) on the market with its product under its own name, or puts it into service under its own name, is treated as the provider (Art. 25(3)). For Annex I Section B products the Act leaves only Art. 6(1), 102-109 and 112 (Art. 2(2)).',
    articles: ['Art. 25', 'Art. 6'],
    pitfall: 'The product route (Art. 6(1), Annex I) has its own application date and conformity assessment under the product legislation.',
  },
  {
    id: 'operator',
    term: 'operator',
    aliases: ['operator', 'operators', 'operatorroles'],
    iso: 'False friend: ISO\'s "AI operator" is a sub-role of the AI producer (clause 4.1) that runs the system; "operator" on its own is no ISO role.',
    act: 'The collective name for provider, product manufacturer, deployer, authorised representative, importer and distributor (Art. 3(8)).',
    actDefinition: 8,
    articles: ['Art. 3'],
    pitfall:
      "One organisation can hold several operator roles for the same system; list each one. Running a system (ISO's AI operator) is not what makes an organisation an operator under the Act.",
  },
  // ISO/IEC 42001 clause 4.1 roles (the role names come from ISO/IEC 22989), each against the Act's roles.
  {
    id: 'ai-provider',
    term: 'AI provider',
    aliases: ['ai provider', 'ai providers'],
    iso: 'A clause 4.1 role: an organisation that makes AI products or services available, such as an AI platform or an AI product or service.',
    act: "The Act's provider (Art. 3(3)) is wider: it is whoever develops a system, or has it developed, and places it on the market or puts it into service under its own name.",
    actDefinition: 3,
    articles: ['Art. 3', 'Art. 16'],
    pitfall:
      "An ISO AI provider that places a system on the market under its own name is the Act's provider even if others developed it (Art. 3(3)); putting its name on a high-risk system already on the market makes it the provider too (Art. 25(1)(a)).",
  },
  {
    id: 'ai-producer',
    term: 'AI producer',
    aliases: ['ai producer', 'ai producers'],
    iso: 'A clause 4.1 role: an organisation that designs, develops, tests and deploys AI systems. Its sub-roles include the AI developer, the AI operator, the AI deployer, testers and evaluators, and impact assessors.',
    act: "No role of that name. Developing a system, or having it developed, and placing it on the market or putting it into service under one's own name makes a provider (Art. 3(3)).",
    actDefinition: 3,
    articles: ['Art. 3', 'Art. 25'],
    pitfall:
      "The producer's sub-roles carry names the Act uses differently: ISO's AI deployer and AI operator are not the Act's deployer or operator.",
  },
  {
    id: 'ai-developer',
    term: 'AI developer',
    aliases: ['ai developer', 'ai developers'],
    iso: 'A sub-role of the AI producer (clause 4.1): the people or organisation that build the AI system or model.',
    act: "No role of that name: developing alone does not make anyone a provider; placing on the market or putting into service under one's own name does (Art. 3(3)).",
    actDefinition: 3,
    articles: ['Art. 3'],
    pitfall:
      'A developer working to order for another organisation is usually not the provider; the one whose name the system carries is (Art. 3(3), Art. 25(1)(a)).',
  },
  {
    id: 'ai-operator',
    term: 'AI operator',
    aliases: ['ai operator', 'ai operators'],
    iso: 'False friend: a sub-role of the AI producer (clause 4.1) that runs and monitors the AI system in operation; it is not the Act\'s "operator".',
    act: '"Operator" in the Act is the umbrella name for provider, product manufacturer, deployer, authorised representative, importer and distributor (Art. 3(8)).',
    actDefinition: 8,
    articles: ['Art. 3'],
    pitfall:
      'Running a system in production makes an organisation an ISO AI operator; under the Act it is a deployer (Art. 3(4)) or a provider putting into service for own use (Art. 3(11)), never "the operator".',
  },
  {
    id: 'ai-deployer',
    term: 'AI deployer',
    aliases: ['ai deployer', 'ai deployers'],
    iso: "False friend: a sub-role of the AI producer (clause 4.1) that deploys the AI systems the producer makes; it is not the Act's deployer.",
    act: "The Act's deployer uses an AI system under its authority, outside personal non-professional activity (Art. 3(4)), and has the duties of Art. 26 for high-risk systems.",
    actDefinition: 4,
    articles: ['Art. 3', 'Art. 26'],
    pitfall:
      "ISO's AI deployer sits on the producer side; the ISO role closest to the Act's deployer is the AI customer (including the AI user). Do not map one to the other.",
  },
  {
    id: 'ai-tester',
    term: 'AI tester',
    aliases: ['ai tester', 'ai testers', 'tester', 'testers', 'ai evaluator', 'ai evaluators'],
    iso: 'A sub-role of the AI producer (clause 4.1): testing and evaluating AI systems, against requirements and for quality (see also A.6.2.4).',
    act: "No role. Testing is part of the provider's risk management (Art. 9(6) to (8)); testing in real-world conditions outside a sandbox follows Art. 60.",
    articles: ['Art. 9', 'Art. 60'],
    pitfall: "An external test lab is not a notified body (Art. 3(22)); only a notified body's assessment counts for the Annex VII route.",
  },
  {
    id: 'ai-impact-assessor',
    term: 'AI impact assessor',
    aliases: ['ai impact assessor', 'ai impact assessors', 'impact assessor', 'impact assessors'],
    iso: 'A sub-role of the AI producer (clause 4.1): assessing the impacts of AI systems on individuals, groups and society (clauses 6.1.4, 8.4; A.5).',
    act: "No role. The fundamental rights impact assessment is a duty of certain deployers of high-risk systems (Art. 27), not of the provider's staff.",
    articles: ['Art. 27'],
    pitfall: "An impact assessment done on the producer side does not discharge a deployer's Art. 27 assessment.",
  },
  {
    id: 'ai-customer',
    term: 'AI customer',
    aliases: ['ai customer', 'ai customers'],
    iso: 'A clause 4.1 role: an organisation or person that uses an AI product or service; the AI user is a sub-role.',
    act: 'The closest Act role is the deployer: whoever uses a system under its authority, except for personal non-professional activity (Art. 3(4)).',
    actDefinition: 4,
    articles: ['Art. 3', 'Art. 26'],
    pitfall: 'A customer using the system only for personal, non-professional purposes is no deployer and has no Act duties.',
  },
  {
    id: 'ai-user',
    term: 'AI user',
    aliases: ['ai user', 'ai users'],
    iso: 'A sub-role of the AI customer (clause 4.1): the one that uses the AI system.',
    act: '"User" was the term of the Act\'s drafts; the adopted text says deployer (Art. 3(4)).',
    actDefinition: 4,
    articles: ['Art. 3', 'Art. 26'],
    pitfall: 'Older templates that speak of "users" mean deployers; the duties are in Art. 26.',
  },
  {
    id: 'ai-partner',
    term: 'AI partner',
    aliases: ['ai partner', 'ai partners'],
    iso: 'A clause 4.1 role: an organisation that provides services around AI, such as a system integrator, a data provider or an evaluator or auditor.',
    act: 'No role of that name. A partner may be an importer (Art. 3(6)) or distributor (Art. 3(7)), a supplier of components whose duties are agreed in writing (Art. 25(4)), or the provider if it puts its name on the system (Art. 25(1)(a)).',
    articles: ['Art. 3', 'Art. 25'],
    pitfall: 'A system integrator that places the integrated system under its own name is its provider.',
  },
  {
    id: 'ai-subject',
    term: 'AI subject',
    aliases: ['ai subject', 'ai subjects'],
    iso: 'A clause 4.1 role: a person affected by an AI system, such as a data subject.',
    act: 'No defined role. The Act speaks of affected persons: they may complain to a market surveillance authority (Art. 85) and ask the deployer for an explanation of certain decisions (Art. 86).',
    articles: ['Art. 85', 'Art. 86'],
    pitfall: 'Informing AI subjects under A.8 supports, but does not replace, the information duties of Art. 26(11) and Art. 50.',
  },
  {
    id: 'relevant-authorities',
    term: 'relevant authorities',
    aliases: ['relevant authorities', 'relevant authority'],
    iso: 'A clause 4.1 role: policymakers and regulators.',
    act: "The Act names its authorities: each Member State's national competent authority (Art. 3(48)), that is its notifying authority and market surveillance authority, and the AI Office for general-purpose AI models (Art. 3(47)).",
    actDefinition: 48,
    articles: ['Art. 3', 'Art. 70', 'Art. 74'],
    pitfall:
      'An ISO certification body is not an authority under the Act and cannot accept the notifications the Act requires (e.g. Art. 73).',
  },
  {
    id: 'interested-party',
    term: 'interested party',
    aliases: ['interested party', 'interested parties'],
    iso: 'A defined term (clause 3): people and organisations with a stake in what the organisation decides and does, including those who only believe they have one. Their needs and expectations are determined in 4.2; A.8 covers the information they get.',
    act: 'No counterpart. The nearest are affected persons, who may ask the deployer for an explanation of certain decisions (Art. 86).',
    articles: ['Art. 86'],
    pitfall: 'Listing an authority as an interested party does not meet any duty to register with it (Art. 49) or notify it (Art. 73).',
  },
  {
    id: 'conformity',
    term: 'conformity',
    aliases: ['conformity', 'conformant'],
    iso: 'A defined term (clause 3): a requirement is met. Its opposite, nonconformity, is handled with corrective action (clause 10.2).',
    act: 'The Act uses "conformity assessment": the process of demonstrating that a high-risk system meets the requirements of Chapter III, Section 2 (Art. 3(20)), by one of the procedures of Art. 43.',
    actDefinition: 20,
    articles: ['Art. 3', 'Art. 43'],
    pitfall: 'An AIMS found in conformity with ISO/IEC 42001 says nothing about the conformity of a system under Art. 43.',
  },
  {
    id: 'general-purpose-ai-system',
    term: 'general-purpose AI system',
    aliases: ['general-purpose ai system', 'general-purpose ai systems'],
    iso: 'Not a defined term.',
    act: 'An AI system based on a general-purpose AI model that can serve a variety of purposes, directly or integrated in other AI systems (Art. 3(66)).',
    actDefinition: 66,
    articles: ['Art. 3', 'Art. 25', 'Art. 50'],
    pitfall: 'The system is classified on its own use; its model carries the Chapter V duties (Art. 53).',
  },
  {
    id: 'risk',
    term: 'risk',
    aliases: ['risk', 'risks'],
    iso: 'A defined term (clause 3) shared by all ISO management system standards: uncertainty and what it may do to objectives, for better or worse. The organisation sets its own AI risk criteria (clause 6.1.1), assesses risks against them (6.1.2) and treats them with controls (6.1.3).',
    act: "The combination of the probability of harm and its severity (Art. 3(2)); the Act also fixes risk tiers by law rather than by the organisation's criteria.",
    actDefinition: 2,
    articles: ['Art. 3', 'Art. 9'],
    pitfall: "A risk your criteria rate as acceptable can still sit in the Act's high-risk tier; the tier is not a score.",
  },
  {
    id: 'prohibited',
    term: 'prohibited practice',
    aliases: ['prohibited', 'unacceptable'],
    iso: 'ISO/IEC 42001 has no list of forbidden uses; an organisation may exclude uses through its AI policy (A.2.2).',
    act: 'The AI practices listed in Art. 5 may not be placed on the market, put into service or used in the Union.',
    articles: ['Art. 5'],
    pitfall: 'No control set or certification makes a prohibited practice lawful.',
  },
  {
    id: 'high',
    term: 'high-risk',
    aliases: ['high', 'high-risk', 'high risk'],
    iso: "Not a tier: ISO/IEC 42001 risk levels come from the organisation's own criteria (clause 6.1.2).",
    act: 'A system is high-risk when it is, or is a safety component of, a product under Annex I legislation that must undergo a third-party conformity assessment under that legislation (Art. 6(1)), or falls under an Annex III use case (Art. 6(2)), unless the Art. 6(3) derogation applies with a documented assessment (Art. 6(4)). Requirements in Art. 8–15, provider duties in Art. 16 onwards.',
    articles: ['Art. 6', 'Art. 8', 'Art. 16'],
    pitfall: 'High-risk is a legal classification by use case or product, not the result of your risk assessment.',
  },
  {
    id: 'limited',
    term: 'limited risk (transparency)',
    aliases: ['limited', 'article-50'],
    iso: 'No such tier; informing people about AI use falls under A.8.',
    act: 'Systems that interact with people, generate synthetic content, or perform emotion recognition or biometric categorisation carry transparency duties (Art. 50).',
    articles: ['Art. 50'],
    pitfall: '"Limited risk" is shorthand used by commentators; the Act itself speaks of the transparency obligations of Art. 50.',
  },
  {
    id: 'minimal',
    term: 'minimal risk',
    aliases: ['minimal'],
    iso: 'No such tier.',
    act: 'Systems outside the other tiers have no tier-specific obligations; AI literacy (Art. 4) still applies to their providers and deployers, and voluntary codes of conduct are encouraged (Art. 95).',
    articles: ['Art. 4', 'Art. 95'],
    pitfall: 'Minimal risk under the Act does not mean out of scope of your AIMS.',
  },
  {
    id: 'conformity-assessment',
    term: 'conformity assessment',
    aliases: ['conformity assessment', 'conformity assessments', 'annex-vi', 'annex-vii', 'route'],
    iso: 'Not an ISO/IEC 42001 term; the nearest thing is certification of the management system by an accredited body.',
    act: 'Demonstrating that a high-risk system meets the requirements of Chapter III, Section 2 (Art. 3(20)): for Annex III systems by internal control (Annex VI) or with a notified body (Annex VII), as Art. 43(1) and (2) set out; for Annex I Section A products within the conformity assessment their own legislation requires (Art. 43(3)).',
    actDefinition: 20,
    articles: ['Art. 3', 'Art. 43'],
    pitfall: 'ISO/IEC 42001 certification is not a conformity assessment route under Art. 43 and gives no basis for CE marking.',
  },
  {
    id: 'certification',
    term: 'certification',
    aliases: ['certification', 'certificate', 'certified'],
    iso: 'An accredited certification body audits the management system (stage 1 documents, stage 2 implementation) and certifies it, with yearly surveillance audits.',
    act: 'Certificates under the Act are issued by notified bodies for specific high-risk systems (Art. 44), after an Annex VII assessment.',
    articles: ['Art. 44', 'Art. 43'],
    pitfall:
      "An ISO/IEC 42001 certificate covers the management system, not a system's conformity; it is neither an Art. 44 certificate nor a CE marking basis.",
  },
  {
    id: 'notified-body',
    term: 'notified body',
    aliases: ['notified body', 'notified-body'],
    iso: 'Not an ISO/IEC 42001 term; ISO certification bodies are accredited, not notified.',
    act: 'A conformity assessment body notified under the Act (Art. 3(22)); it assesses high-risk systems under Annex VII.',
    actDefinition: 22,
    articles: ['Art. 3', 'Art. 43'],
    pitfall: 'Being accredited for ISO/IEC 42001 audits does not make a body notified under the Act.',
  },
  {
    id: 'ce-marking',
    term: 'CE marking',
    aliases: ['ce marking', 'ce-marking', 'ce'],
    iso: 'Not an ISO/IEC 42001 concept.',
    act: 'The marking by which a provider shows a high-risk system conforms to the Act (Art. 3(24)); affixed under Art. 48 after conformity assessment.',
    actDefinition: 24,
    articles: ['Art. 3', 'Art. 48'],
    pitfall: 'ISO/IEC 42001 certification gives no basis for CE marking.',
  },
  {
    id: 'harmonised-standard',
    term: 'harmonised standard',
    aliases: ['harmonised standard', 'harmonized standard', 'presumption of conformity'],
    iso: 'ISO/IEC 42001 is an international management system standard; it is not a harmonised standard under the Act.',
    act: 'A European standard adopted on a request from the Commission (Art. 3(27)); compliance with one published in the Official Journal gives a presumption of conformity (Art. 40).',
    actDefinition: 27,
    articles: ['Art. 3', 'Art. 40'],
    pitfall:
      'Conformity with ISO/IEC 42001 gives no presumption of conformity with the Act; the harmonised standard being prepared for the quality management system is prEN 18286.',
  },
  {
    id: 'quality-management-system',
    term: 'quality management system',
    aliases: ['quality management system', 'qms'],
    iso: 'The AIMS itself (clauses 4 to 10) is a management system, but ISO/IEC 42001 does not call it a quality management system.',
    act: 'Providers of high-risk systems must run a documented quality management system covering the points of Art. 17(1)(a) to (m).',
    articles: ['Art. 17'],
    pitfall: "An AIMS can supply much of the evidence for Art. 17, but the article's points must each be covered explicitly.",
  },
  {
    id: 'post-market-monitoring',
    term: 'post-market monitoring',
    aliases: ['post-market monitoring', 'post-market monitoring system'],
    iso: 'Implied by monitoring and measurement (clause 9.1) and by operating and monitoring AI systems (A.6.2.6).',
    act: "The provider's activities to collect and review experience from systems on the market (Art. 3(25)); for high-risk systems a documented plan is required (Art. 72).",
    actDefinition: 25,
    articles: ['Art. 3', 'Art. 72'],
    pitfall:
      "Monitoring under clause 9.1 is about the AIMS's performance; Art. 72 asks for a system-specific plan that is part of the technical documentation.",
  },
  {
    id: 'serious-incident',
    term: 'serious incident',
    aliases: ['serious incident', 'incident', 'incidents'],
    iso: 'Incidents and their handling fall under communication (A.8.4) and nonconformity and corrective action (clause 10.2).',
    act: 'An incident or malfunction leading to death or serious harm to health, serious and irreversible disruption of critical infrastructure, infringement of fundamental-rights obligations, or serious harm to property or the environment (Art. 3(49)); providers must report it under Art. 73.',
    actDefinition: 49,
    articles: ['Art. 3', 'Art. 73'],
    pitfall:
      'The Act sets reporting deadlines to market surveillance authorities; an internal corrective-action process does not meet them by itself.',
  },
  {
    id: 'intended-purpose',
    term: 'intended purpose',
    aliases: ['intended purpose', 'intendedpurpose'],
    iso: 'Captured in system requirements and specification (A.6.2.2) and in impact assessment (A.5).',
    act: 'The use the provider intends, including context and conditions, as stated in the instructions for use, promotional material and technical documentation (Art. 3(12)). Classification depends on it.',
    actDefinition: 12,
    articles: ['Art. 3', 'Art. 6'],
    pitfall: 'Whoever changes the intended purpose of a system so that it becomes high-risk is considered its provider (Art. 25(1)(c)).',
  },
  {
    id: 'reasonably-foreseeable-misuse',
    term: 'reasonably foreseeable misuse',
    aliases: ['misuse', 'reasonably foreseeable misuse'],
    iso: 'Considered in AI risk assessment (clause 6.1.2) and impact assessment (clause 6.1.4).',
    act: 'Use not in line with the intended purpose but resulting from reasonably foreseeable human behaviour or interaction with other systems (Art. 3(13)); the Art. 9 risk management system must consider it.',
    actDefinition: 13,
    articles: ['Art. 3', 'Art. 9'],
    pitfall:
      'The Act requires misuse to be covered in the risk management system of each high-risk system, not only in organisation-level risk criteria.',
  },
  {
    id: 'substantial-modification',
    term: 'substantial modification',
    aliases: ['substantial modification'],
    iso: 'Changes are planned under clause 6.3; the standard does not define a threshold.',
    act: 'A change after placing on the market that was not foreseen in the initial conformity assessment and affects compliance or the intended purpose (Art. 3(23)); it calls for a new conformity assessment (Art. 43(4)).',
    actDefinition: 23,
    articles: ['Art. 3', 'Art. 43'],
    pitfall: 'A planned change under clause 6.3 may still be a substantial modification under the Act.',
  },
  {
    id: 'placing-on-the-market',
    term: 'placing on the market',
    aliases: ['placing on the market', 'placed on the market', 'marketdate'],
    iso: 'Not a defined term; deployment is a life-cycle stage (A.6.2.5).',
    act: 'The first making available of an AI system or general-purpose AI model on the Union market (Art. 3(9)). Making available is any supply for distribution or use in the course of a commercial activity (Art. 3(10)).',
    actDefinition: 9,
    articles: ['Art. 3', 'Art. 111'],
    pitfall: 'Obligations and transitional rules (Art. 111) turn on this date, not on your internal deployment date.',
  },
  {
    id: 'putting-into-service',
    term: 'putting into service',
    aliases: ['putting into service', 'put into service'],
    iso: 'Not a defined term; deployment is a life-cycle stage (A.6.2.5).',
    act: 'The supply of an AI system for first use directly to the deployer, or for own use in the Union, for its intended purpose (Art. 3(11)).',
    actDefinition: 11,
    articles: ['Art. 3', 'Art. 111'],
    pitfall:
      'An organisation that builds a system for its own use puts it into service and is its provider (Art. 3(3)), even though nothing is sold.',
  },
  {
    id: 'making-available',
    term: 'making available on the market',
    aliases: ['making available on the market', 'made available on the market'],
    iso: 'Not a defined term.',
    act: 'Any supply of an AI system or general-purpose AI model for distribution or use on the Union market in the course of a commercial activity, paid or free (Art. 3(10)).',
    actDefinition: 10,
    articles: ['Art. 3', 'Art. 24'],
    pitfall:
      'Only the first making available is the placing on the market (Art. 3(9)); distributors make available what is already placed (Art. 24).',
  },
  {
    id: 'impact-assessment',
    term: 'impact assessment',
    aliases: ['impact assessment', 'fria', 'fundamental rights impact assessment'],
    iso: 'AI system impact assessment of consequences for individuals, groups and society (clauses 6.1.4, 8.4; A.5).',
    act: 'Certain deployers of high-risk systems must carry out a fundamental rights impact assessment before first use (Art. 27).',
    articles: ['Art. 27'],
    pitfall:
      'An ISO impact assessment can feed the Art. 27 assessment but must cover its points (a) to (f) and be notified to the market surveillance authority.',
  },
  {
    id: 'general-purpose-ai-model',
    term: 'general-purpose AI model',
    aliases: ['general-purpose ai model', 'gpai', 'generalpurposemodel'],
    iso: 'Not a defined term.',
    act: 'An AI model with significant generality that can competently perform a wide range of distinct tasks and can be integrated into many downstream systems (Art. 3(63)); its providers have duties under Chapter V (Art. 53, 55).',
    actDefinition: 63,
    articles: ['Art. 3', 'Art. 53', 'Art. 55'],
    pitfall: 'A model is not an AI system; a system built on a general-purpose model is classified on its own.',
  },
  {
    id: 'systemic-risk',
    term: 'systemic risk',
    aliases: ['systemic risk', 'systemicrisk'],
    iso: 'Not a defined term.',
    act: 'A risk specific to the high-impact capabilities of general-purpose AI models with significant Union-wide effects (Art. 3(65)); classification under Art. 51, extra duties under Art. 55.',
    actDefinition: 65,
    articles: ['Art. 3', 'Art. 51', 'Art. 55'],
    pitfall: "Systemic risk applies to general-purpose AI models, not to AI systems or to an organisation's risk register.",
  },
  {
    id: 'ai-literacy',
    term: 'AI literacy',
    aliases: ['ai literacy', 'literacy'],
    iso: "Competence (clause 7.2) and awareness (clause 7.3) of people doing work under the organisation's control.",
    act: 'Skills, knowledge and understanding to deploy AI systems in an informed way and to be aware of their opportunities, risks and possible harm (Art. 3(56)); providers and deployers must take measures for it (Art. 4).',
    actDefinition: 56,
    articles: ['Art. 3', 'Art. 4'],
    pitfall: "Art. 4 extends to other persons dealing with the systems on the organisation's behalf, not only staff within the AIMS scope.",
  },
  {
    id: 'technical-documentation',
    term: 'technical documentation',
    aliases: ['technical documentation'],
    iso: 'Documented information (clause 7.5) and AI system technical documentation (A.6.2.7).',
    act: 'Providers of high-risk systems draw up technical documentation with at least the content of Annex IV before placing on the market (Art. 11).',
    articles: ['Art. 11'],
    pitfall: 'A.6.2.7 documentation supports Art. 11 only where it covers every Annex IV point.',
  },
  {
    id: 'human-oversight',
    term: 'human oversight',
    aliases: ['human oversight', 'oversight'],
    iso: 'Responsible use of AI systems (A.9) and operating and monitoring them (A.6.2.6).',
    act: 'High-risk systems must be designed so that natural persons can effectively oversee them while in use (Art. 14); deployers assign that oversight (Art. 26(2)).',
    articles: ['Art. 14', 'Art. 26'],
    pitfall: 'Art. 14 is a design requirement on the system, not only a process around it.',
  },
  {
    id: 'data-governance',
    term: 'data governance',
    aliases: ['data governance', 'data quality'],
    iso: 'Data for AI systems (A.7) and data resources (A.4.3).',
    act: 'Training, validation and testing data of high-risk systems must meet the quality criteria and governance practices of Art. 10.',
    articles: ['Art. 10'],
    pitfall:
      'Art. 10 sets specific criteria (e.g. examination for biases, Art. 10(2)(f)) that a general data-quality control may not cover.',
  },
  {
    id: 'statement-of-applicability',
    term: 'Statement of Applicability',
    aliases: ['statement of applicability', 'soa', 'statementofapplicability'],
    iso: 'The output of AI risk treatment (clause 6.1.3): every Annex A control, whether it is applied, and the justification either way.',
    act: "No counterpart in the Act: obligations are not chosen, they follow from the operator's role and the conditions the Act sets (classification, Annex point, the facts of the case).",
    articles: [],
    pitfall: 'Excluding a control in the SoA never excludes an Act obligation.',
  },
  {
    id: 'nonconformity',
    term: 'nonconformity',
    aliases: ['nonconformity', 'nonconformities'],
    iso: 'Not meeting a requirement of the standard or of the AIMS, handled with corrective action (clause 10.2).',
    act: 'The Act speaks of non-compliance: providers take corrective actions for non-conforming high-risk systems (Art. 20) and authorities act against them (Art. 79).',
    articles: ['Art. 20', 'Art. 79'],
    pitfall: 'Closing an ISO nonconformity does not end the Art. 20 duty to inform distributors, deployers and authorities.',
  },
  {
    id: 'audit',
    term: 'audit',
    aliases: ['audit', 'audits', 'internal audit'],
    iso: 'Internal audits at planned intervals (clause 9.2), and external certification audits.',
    act: 'Notified bodies audit the quality management system and technical documentation under Annex VII; market surveillance authorities can request access (Art. 74).',
    articles: ['Art. 43', 'Art. 74'],
    pitfall: 'An internal or certification audit is not the Annex VII assessment.',
  },
];

const byWord = new Map<string, TermComparison>();
for (const t of TERMS) {
  byWord.set(t.term.toLowerCase(), t);
  for (const a of t.aliases) byWord.set(a.toLowerCase(), t);
}

/**
 * Each alias as a pattern: case-insensitive, whole words, a space or hyphen matching either.
 * Built on the first hover that asks: compiling ~100 Unicode-aware patterns took 15–20 ms of
 * every server start, before the first document could be checked.
 */
let patterns: { re: RegExp; term: TermComparison }[] | undefined;
const aliasPatterns = (): { re: RegExp; term: TermComparison }[] =>
  (patterns ??= [...byWord].map(([alias, term]) => ({
    re: new RegExp(
      `(?<![\\p{L}\\p{N}-])${alias
        .split(/[\s-]+/)
        .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\s-]+')}(?![\\p{L}\\p{N}-])`,
      'giu',
    ),
    term,
  })));

export function allTerms(): readonly TermComparison[] {
  return TERMS;
}

/** The comparison for a word or enum value (case-insensitive), if any. */
export function findTerm(word: string): TermComparison | undefined {
  return byWord.get(word.trim().toLowerCase());
}

/**
 * The term under the cursor in a line of text: the longest known phrase that
 * covers the character ("placing on the market", "AI deployer" before
 * "deployer"), with where it starts and ends on the line.
 */
export function termAt(line: string, character: number): { term: TermComparison; start: number; end: number } | undefined {
  let best: { term: TermComparison; start: number; end: number } | undefined;
  for (const p of aliasPatterns()) {
    p.re.lastIndex = 0;
    for (const m of line.matchAll(p.re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (start > character) break;
      if (character <= end && (!best || end - start > best.end - best.start)) best = { term: p.term, start, end };
    }
  }
  return best;
}
