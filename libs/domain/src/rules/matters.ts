import type { Lml63Parameters, Localized, RuleSetId } from './rule-sets';
import { DEFAULT_LML63, RULE_SETS } from './rule-sets';
import type { MatterLabel } from './matter-labels';
import { MATTER_LABELS } from './matter-labels';
import type { MatterKind } from './matter-kinds';
import { MATTER_KINDS } from './matter-kinds';

export type { MatterKind } from './matter-kinds';
export { MATTER_KINDS, isMatterKind } from './matter-kinds';

/** Whose matter it is: owners of a compound, a cooperative's members, a village's villagers, or nobody's in law (a poll). */
export type MatterBody = 'owners' | 'cooperative' | 'village' | 'any';

/** Each matter's name and where the law lists it are its label (./matter-labels.ts), which residents' pages import alone. */
export interface MatterInfo extends MatterLabel {
  id: MatterKind;
  body: MatterBody;
  /** The rule sets that may decide it; a vote of this matter under any other is refused. */
  ruleSets: readonly RuleSetId[];
  /** Why these rule sets, and only these, in words a convenor understands. */
  why: Localized;
}

const OWNERS_ORDINARY: Localized = {
  'zh-CN': '业主共同决定的一般事项：须专有部分面积和人数均占三分之二以上的业主参与表决，参与表决的面积和人数均过半数同意（民法典第二百七十八条第二款）。不适用四分之三规则，也不能以非正式征询代替。',
  en: 'An ordinary matter the owners decide together: owners with two thirds of the area and two thirds of the headcount take part, and more than half of the participating area and owners approve (Civil Code art. 278 para. 2). Not the three-quarter rule, and not an informal poll.',
};
const OWNERS_MAJOR: Localized = {
  'zh-CN': '属于民法典第二百七十八条第一款第六项至第八项：须经参与表决专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意，只能按重大事项规则（cc278-major）表决。',
  en: 'One of items 6–8 of Civil Code art. 278: three quarters of the participating area and of the participating owners must approve, so only the three-quarter rule (cc278-major) may decide it.',
};
const MEMBER_ASSEMBLY_ONLY: Localized = {
  'zh-CN': '只能由成员大会决定（全体成员三分之二以上同意）；成员代表大会不得行使这项职权（农村集体经济组织法第二十八条）。',
  en: 'Only the member assembly decides it (two thirds of all members); the representative assembly may not (RCEO Law art. 28).',
};
const MEMBERS_OR_REPRESENTATIVES: Localized = {
  'zh-CN': '由成员大会决定（全体成员三分之二以上同意）；章程规定设立成员代表大会的，也可由成员代表大会决定（全体成员代表三分之二以上同意，第二十八条）。',
  en: 'The member assembly decides it (two thirds of all members); where the charter sets up a representative assembly, it may decide it too (two thirds of all representatives, art. 28).',
};
const VILLAGE_ASSEMBLY: Localized = {
  'zh-CN': '经村民会议讨论决定（村民委员会组织法第二十四条）；村民会议授权的，也可由村民代表会议决定。涉及集体经济组织财产和成员权益的，依照农村集体经济组织法。',
  en: "The villagers' assembly decides it (Village Committees Organization Law art. 24); the village representative assembly may, where the assembly has authorised it. Where the cooperative's property or members' rights are concerned, the RCEO Law governs.",
};

const m = (id: MatterKind, body: MatterBody, ruleSets: readonly RuleSetId[], why: Localized): MatterInfo => ({
  id,
  body,
  name: MATTER_LABELS[id].name,
  source: MATTER_LABELS[id].source,
  ruleSets,
  why,
});

export const MATTERS: Readonly<Record<MatterKind, MatterInfo>> = {
  'procedure-rules': m('procedure-rules', 'owners', ['cc278-ordinary'], OWNERS_ORDINARY),
  'management-statute': m('management-statute', 'owners', ['cc278-ordinary'], OWNERS_ORDINARY),
  'owners-committee': m('owners-committee', 'owners', ['cc278-ordinary'], OWNERS_ORDINARY),
  'property-service': m('property-service', 'owners', ['cc278-ordinary'], OWNERS_ORDINARY),
  'repair-fund-use': m('repair-fund-use', 'owners', ['cc278-ordinary'], OWNERS_ORDINARY),
  'repair-fund-raising': m('repair-fund-raising', 'owners', ['cc278-major'], OWNERS_MAJOR),
  rebuilding: m('rebuilding', 'owners', ['cc278-major'], OWNERS_MAJOR),
  'common-parts-use': m('common-parts-use', 'owners', ['cc278-major'], OWNERS_MAJOR),
  'owners-other': m('owners-other', 'owners', ['cc278-ordinary'], OWNERS_ORDINARY),

  charter: m('charter', 'cooperative', ['rceo-27'], MEMBER_ASSEMBLY_ONLY),
  'internal-rules': m('internal-rules', 'cooperative', ['rceo-27', 'rceo-28'], MEMBERS_OR_REPRESENTATIVES),
  membership: m('membership', 'cooperative', ['rceo-27'], MEMBER_ASSEMBLY_ONLY),
  officers: m('officers', 'cooperative', ['rceo-27', 'rceo-28'], MEMBERS_OR_REPRESENTATIVES),
  'work-reports': m('work-reports', 'cooperative', ['rceo-27', 'rceo-28'], MEMBERS_OR_REPRESENTATIVES),
  'officer-pay': m('officer-pay', 'cooperative', ['rceo-27', 'rceo-28'], MEMBERS_OR_REPRESENTATIVES),
  'plans-and-distribution': m('plans-and-distribution', 'cooperative', ['rceo-27', 'rceo-28'], MEMBERS_OR_REPRESENTATIVES),
  'land-contracting': m('land-contracting', 'cooperative', ['rceo-27'], MEMBER_ASSEMBLY_ONLY),
  homestead: m('homestead', 'cooperative', ['rceo-27'], MEMBER_ASSEMBLY_ONLY),
  'share-quantification': m('share-quantification', 'cooperative', ['rceo-27'], MEMBER_ASSEMBLY_ONLY),
  'commercial-construction-land': m('commercial-construction-land', 'cooperative', ['lml-63'], {
    'zh-CN': '须经本集体经济组织成员的三分之二以上或者三分之二以上村民代表同意（土地管理法第六十三条）；按 lml-63 表决，同时适用农村集体经济组织法的，两部法律的条件一并适用。',
    en: 'Needs the consent of two thirds of the members or of two thirds of the village representatives (Land Management Law art. 63): decided under lml-63, which also applies the RCEO Law’s conditions where that law binds the same decision.',
  }),
  'compensation-distribution': m('compensation-distribution', 'cooperative', ['rceo-27'], MEMBER_ASSEMBLY_ONLY),
  'major-investment': m('major-investment', 'cooperative', ['rceo-27', 'rceo-28'], MEMBERS_OR_REPRESENTATIVES),
  'merger-or-split': m('merger-or-split', 'cooperative', ['rceo-27'], MEMBER_ASSEMBLY_ONLY),
  'cooperative-other': m('cooperative-other', 'cooperative', ['rceo-27', 'rceo-28'], MEMBERS_OR_REPRESENTATIVES),
  'non-member-rights': m('non-member-rights', 'cooperative', ['rceo-15'], {
    'zh-CN': '须经成员大会全体成员四分之三以上同意（农村集体经济组织法第十五条），只能按 rceo-15 表决；三分之二规则和成员代表大会都不能决定。',
    en: 'Needs three quarters of all members in the member assembly (RCEO Law art. 15), so only rceo-15 decides it; neither the two-thirds rule nor the representative assembly may.',
  }),

  'village-allowances': m('village-allowances', 'village', ['vcl-22', 'vcl-26'], VILLAGE_ASSEMBLY),
  'village-income-use': m('village-income-use', 'village', ['vcl-22', 'vcl-26'], VILLAGE_ASSEMBLY),
  'village-public-works': m('village-public-works', 'village', ['vcl-22', 'vcl-26'], VILLAGE_ASSEMBLY),
  'village-land-contracting': m('village-land-contracting', 'village', ['vcl-22', 'vcl-26'], VILLAGE_ASSEMBLY),
  'village-projects': m('village-projects', 'village', ['vcl-22', 'vcl-26'], VILLAGE_ASSEMBLY),
  'village-homestead': m('village-homestead', 'village', ['vcl-22', 'vcl-26'], VILLAGE_ASSEMBLY),
  'village-compensation': m('village-compensation', 'village', ['vcl-22', 'vcl-26'], VILLAGE_ASSEMBLY),
  'village-property-disposal': m('village-property-disposal', 'village', ['vcl-22', 'vcl-26'], VILLAGE_ASSEMBLY),
  'village-other': m('village-other', 'village', ['vcl-22', 'vcl-26'], VILLAGE_ASSEMBLY),
  'villager-group-affairs': m('villager-group-affairs', 'village', ['vcl-28'], { 'zh-CN': '属于村民小组的事项，由村民小组会议讨论决定（村民委员会组织法第二十八条）。', en: 'A matter of the villager group, decided by the villager group meeting (Village Committees Organization Law art. 28).' }),

  other: m('other', 'any', ['simple-majority'], { 'zh-CN': '法律没有交给某一机构决定的事项，只作非正式征询（过半数即可），结果不具有业主大会、成员大会或村民会议决定的效力。', en: 'Nothing the law gives to a body: an informal poll (a simple majority), whose outcome is not a decision of the owners, the members or the villagers.' }),
};

/** The old name of each matter, kept for callers that only need the words. */
export const MATTER_NAMES: Readonly<Record<MatterKind, Localized>> = Object.fromEntries(MATTER_KINDS.map((id) => [id, MATTER_LABELS[id].name])) as Record<MatterKind, Localized>;

/** The matters a unit's bodies decide, in the law's order: owners' for a compound; members' and villagers' for a cooperative; an informal poll for both. */
export function mattersForUnit(kind: 'compound' | 'cooperative'): MatterKind[] {
  const bodies: readonly MatterBody[] = kind === 'compound' ? ['owners', 'any'] : ['cooperative', 'village', 'any'];
  return MATTER_KINDS.filter((id) => bodies.includes(MATTERS[id].body));
}

/** The rule sets that may decide every one of these matters (none when they need different bodies or rules). */
export function ruleSetsForMatters(matters: readonly MatterKind[]): RuleSetId[] {
  if (matters.length === 0) return [];
  const [first, ...rest] = matters;
  return MATTERS[first!].ruleSets.filter((ruleSet) => rest.every((matter) => MATTERS[matter].ruleSets.includes(ruleSet)));
}

/** Matters the member representative assembly may not decide (RCEO Law art. 28). */
export const RCEO_28_RESERVED: readonly MatterKind[] = [
  'charter',
  'membership',
  'land-contracting',
  'homestead',
  'share-quantification',
  'compensation-distribution',
  'merger-or-split',
  'non-member-rights',
];

/** Civil Code art. 278 items 6–8: not for the ordinary rule. */
export const CC278_MAJOR_ITEMS: readonly MatterKind[] = ['repair-fund-raising', 'rebuilding', 'common-parts-use'];

export interface MatterRefusal {
  matter: MatterKind;
  /** The rule set under which this matter may be decided, where there is one. */
  decideUnder: RuleSetId | null;
  reason: Localized;
}

/** Why a body may not decide a vote's matter; the vote must not be opened. */
export interface Refusal {
  ruleSet: RuleSetId;
  matters: MatterRefusal[];
}

function reserved(matter: MatterKind): MatterRefusal {
  const name = MATTER_NAMES[matter];
  if (matter === 'non-member-rights') {
    return {
      matter,
      decideUnder: 'rceo-15',
      reason: {
        'zh-CN': '依照《农村集体经济组织法》第十五条，赋予非成员收益或福利权利须经成员大会全体成员四分之三以上同意，成员代表大会不得决定。',
        en: 'Under RCEO Law art. 15, granting non-members income or welfare rights needs three quarters of all members in the member assembly; the representative assembly may not decide it.',
      },
    };
  }
  return {
    matter,
    decideUnder: 'rceo-27',
    reason: {
      'zh-CN': `依照《农村集体经济组织法》第二十八条，“${name['zh-CN']}”须由成员大会决定，成员代表大会不得决定。`,
      en: `Under RCEO Law art. 28, ${name.en} must be decided by the member assembly; the representative assembly may not decide it.`,
    },
  };
}

/**
 * What the law forbids outright, checked by the tally and the recount as well as before a vote: the
 * body of `ruleSet` may not decide these kinds of matter. Returns null when it may, or the refusal
 * with a reason per matter (zh-CN and en).
 *
 * - rceo-28 (and lml-63 decided by representatives where the RCEO Law applies): the matters of
 *   RCEO art. 28 are reserved to the member assembly; granting non-members rights needs the
 *   member assembly's three quarters (art. 15).
 * - cc278-ordinary: Civil Code art. 278 items 6–8 need the three-quarter rule (cc278-major).
 * - rceo-27: granting non-members rights needs rceo-15 (three quarters, art. 15).
 * - simple-majority: an informal poll decides nothing the law gives to a body (any kind but `other`).
 * - one body's matter put to another's rule: owners' matters to members or villagers, and theirs to owners.
 *
 * A new vote must pass the stricter `checkMatters`, which allows only the rule sets each matter
 * lists; this one stays as it was for votes already published, so their recount does not change.
 */
export function assertMayDecide(
  ruleSet: RuleSetId,
  matterKinds: readonly MatterKind[],
  lml63: Lml63Parameters = DEFAULT_LML63,
): Refusal | null {
  return refuse(ruleSet, matterKinds, (matter) => refusalFor(ruleSet, matter, lml63) ?? bodyMismatch(ruleSet, matter));
}

/**
 * What a new vote must pass before it is announced: each matter named may be decided under
 * `ruleSet` — one of the rule sets `MATTERS` lists for it — and nothing the law forbids
 * (`assertMayDecide`). Returns null when every matter may be, or the refusal with reasons.
 */
export function checkMatters(ruleSet: RuleSetId, matterKinds: readonly MatterKind[], lml63: Lml63Parameters = DEFAULT_LML63): Refusal | null {
  return refuse(ruleSet, matterKinds, (matter) => notListed(ruleSet, matter) ?? refusalFor(ruleSet, matter, lml63) ?? bodyMismatch(ruleSet, matter));
}

function refuse(ruleSet: RuleSetId, matterKinds: readonly MatterKind[], check: (matter: MatterKind) => MatterRefusal | null): Refusal | null {
  const refusals = [...new Set(matterKinds)].map(check).filter((r): r is MatterRefusal => r !== null);
  return refusals.length === 0 ? null : { ruleSet, matters: refusals };
}

const BODY_NAMES: Record<Exclude<MatterBody, 'any'>, Localized> = {
  owners: { 'zh-CN': '业主共同决定', en: 'the owners of a compound decide together' },
  cooperative: { 'zh-CN': '集体经济组织成员决定', en: 'the members of a cooperative decide' },
  village: { 'zh-CN': '村民决定', en: 'the villagers decide' },
};

function bodyMismatch(ruleSet: RuleSetId, matter: MatterKind): MatterRefusal | null {
  const info = MATTERS[matter];
  const electorate = RULE_SETS[ruleSet].electorate;
  if (info.body === 'any' || electorate === 'any') return null;
  if ((info.body === 'owners') === (electorate === 'compound')) return null;
  const body = RULE_SETS[ruleSet].body;
  return {
    matter,
    decideUnder: info.ruleSets[0] ?? null,
    reason: {
      'zh-CN': `“${info.name['zh-CN']}”是${BODY_NAMES[info.body]['zh-CN']}的事项（${info.source['zh-CN']}），${body['zh-CN']}不能决定。`,
      en: `${capitalize(info.name.en)} is a matter ${BODY_NAMES[info.body].en} (${info.source.en}); the ${body.en} cannot decide it.`,
    },
  };
}

function notListed(ruleSet: RuleSetId, matter: MatterKind): MatterRefusal | null {
  const info = MATTERS[matter];
  if (info.ruleSets.includes(ruleSet)) return null;
  return {
    matter,
    decideUnder: info.ruleSets[0] ?? null,
    reason: {
      'zh-CN': `“${info.name['zh-CN']}”（${info.source['zh-CN']}）：${info.why['zh-CN']}`,
      en: `${capitalize(info.name.en)} (${info.source.en}): ${info.why.en}`,
    },
  };
}

function refusalFor(ruleSet: RuleSetId, matter: MatterKind, lml63: Lml63Parameters): MatterRefusal | null {
  switch (ruleSet) {
    case 'rceo-28':
      return RCEO_28_RESERVED.includes(matter) ? reserved(matter) : null;
    case 'lml-63':
      return lml63.body === 'representatives' && lml63.rceoApplies && RCEO_28_RESERVED.includes(matter) ? reserved(matter) : null;
    case 'cc278-ordinary':
      if (!CC278_MAJOR_ITEMS.includes(matter)) {
        return null;
      }
      return {
        matter,
        decideUnder: 'cc278-major',
        reason: {
          'zh-CN': `依照《民法典》第二百七十八条，“${MATTER_NAMES[matter]['zh-CN']}”属于第一款第六项至第八项事项，须经参与表决专有部分面积四分之三以上且人数四分之三以上的业主同意，不能按一般事项表决。`,
          en: `Under Civil Code art. 278, ${MATTER_NAMES[matter].en} is one of items 6–8 and needs three quarters of the participating area and owners; it cannot be decided as an ordinary matter.`,
        },
      };
    case 'rceo-27':
      if (matter !== 'non-member-rights') {
        return null;
      }
      return {
        matter,
        decideUnder: 'rceo-15',
        reason: {
          'zh-CN': '依照《农村集体经济组织法》第十五条，赋予非成员收益或福利权利须经成员大会全体成员四分之三以上同意，不能按三分之二规则表决。',
          en: 'Under RCEO Law art. 15, granting non-members income or welfare rights needs three quarters of all members; it cannot be decided under the two-thirds rule.',
        },
      };
    case 'simple-majority':
      if (matter === 'other') {
        return null;
      }
      return {
        matter,
        decideUnder: null,
        reason: {
          'zh-CN': `“${MATTER_NAMES[matter]['zh-CN']}”须由法定机构按法定规则表决，非正式征询不能作出决定。`,
          en: `${capitalize(MATTER_NAMES[matter].en)} must be decided by the competent body under its statutory rule; an informal poll cannot decide it.`,
        },
      };
    case 'cc278-major':
    case 'rceo-15':
    case 'vcl-22':
    case 'vcl-26':
    case 'vcl-28':
      return null;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
