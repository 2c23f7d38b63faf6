/**
 * What a resident's page says of the matters a vote decides: each matter's name and where the law
 * lists it. Part of each entry of `MATTERS`, kept apart so that a vote's page and its result notice
 * import these words without the rest of the table (which rule sets may decide each matter and why,
 * for the convenor's form and the API's checks).
 */
import type { MatterKind } from './matter-kinds';
import type { Localized } from './rule-set-ids';

export interface MatterLabel {
  name: Localized;
  /** Where the law lists it. */
  source: Localized;
}

const CC = (item: string, itemEn: string): Localized => ({ 'zh-CN': `《民法典》第二百七十八条第一款第${item}项`, en: `Civil Code art. 278 para. 1 item ${itemEn}` });
const RCEO = (item: string, itemEn: string): Localized => ({
  'zh-CN': `《农村集体经济组织法》第二十六条第一款第${item}项`,
  en: `Rural Collective Economic Organizations Law (2024) art. 26 para. 1 item ${itemEn}`,
});
const VCL = (item: string, itemEn: string): Localized => ({ 'zh-CN': `《村民委员会组织法》第二十四条第一款第${item}项`, en: `Village Committees Organization Law art. 24 para. 1 item ${itemEn}` });

const label = (zh: string, en: string, source: Localized): MatterLabel => ({ name: { 'zh-CN': zh, en }, source });

export const MATTER_LABELS: Readonly<Record<MatterKind, MatterLabel>> = {
  'procedure-rules': label('制定和修改业主大会议事规则', 'adopting or amending the rules of procedure of the owners’ assembly', CC('（一）', '(1)')),
  'management-statute': label('制定和修改管理规约', 'adopting or amending the management statute', CC('（二）', '(2)')),
  'owners-committee': label('选举业主委员会或者更换业主委员会成员', 'electing the owners’ committee or replacing its members', CC('（三）', '(3)')),
  'property-service': label('选聘和解聘物业服务企业或者其他管理人', 'hiring or dismissing the property service company or other manager', CC('（四）', '(4)')),
  'repair-fund-use': label('使用建筑物及其附属设施的维修资金', 'using the repair funds of the buildings and their facilities', CC('（五）', '(5)')),
  'repair-fund-raising': label('筹集建筑物及其附属设施的维修资金', 'raising repair funds for the buildings and their facilities', CC('（六）', '(6)')),
  rebuilding: label('改建、重建建筑物及其附属设施', 'rebuilding or reconstructing the buildings and their facilities', CC('（七）', '(7)')),
  'common-parts-use': label('改变共有部分的用途或者利用共有部分从事经营活动', 'changing the use of common parts or using them for business', CC('（八）', '(8)')),
  'owners-other': label('有关共有和共同管理权利的其他重大事项', 'other major matters of the owners’ common ownership and management', CC('（九）', '(9)')),

  charter: label('制定、修改本集体经济组织章程', 'adopting or amending the charter', RCEO('（一）', '(1)')),
  'internal-rules': label('制定、修改内部管理制度', 'adopting or amending the internal management rules', RCEO('（二）', '(2)')),
  membership: label('确认本集体经济组织成员', 'confirming membership', RCEO('（三）', '(3)')),
  officers: label('选举、罢免理事会成员、监事会成员或者监事', 'electing or recalling members of the board and the supervisory board', RCEO('（四）', '(4)')),
  'work-reports': label('审议理事会、监事会或者监事的工作报告', 'reviewing the reports of the board and the supervisory board', RCEO('（五）', '(5)')),
  'officer-pay': label('决定理事会、监事会成员的报酬及主要经营管理人员的聘任、解聘和报酬', 'the pay of board members, and hiring, dismissing and paying the main managers', RCEO('（六）', '(6)')),
  'plans-and-distribution': label('批准发展规划、经营计划、年度财务预决算、收益分配方案', 'approving development plans, business plans, the annual budget and accounts, and the income distribution plan', RCEO('（七）', '(7)')),
  'land-contracting': label('农村土地承包方案', 'the rural land contracting plan', RCEO('（八）', '(8)')),
  homestead: label('宅基地使用方案', 'the homestead land plan', RCEO('（八）', '(8)')),
  'share-quantification': label('集体经营性财产收益权份额量化方案', 'quantifying the income rights of collective assets into shares', RCEO('（八）', '(8)')),
  'commercial-construction-land': label('集体经营性建设用地出让、出租方案', 'selling or leasing collective commercial construction land', { 'zh-CN': '《土地管理法》第六十三条；《农村集体经济组织法》第二十六条第一款第（九）项', en: 'Land Management Law art. 63; RCEO Law art. 26 para. 1 item (9)' }),
  'compensation-distribution': label('土地补偿费等的分配、使用办法', 'distributing and using land compensation', RCEO('（十）', '(10)')),
  'major-investment': label('投资等重大事项', 'investments and other major matters', RCEO('（十一）', '(11)')),
  'merger-or-split': label('合并、分立等重大事项', 'merger, split and similar major matters', RCEO('（十二）', '(12)')),
  'cooperative-other': label('法律法规和章程规定由成员大会决定的其他事项', 'other matters the law or the charter gives to the member assembly', RCEO('（十三）', '(13)')),
  'non-member-rights': label('赋予非成员收益或福利权利', 'granting non-members income or welfare rights', { 'zh-CN': '《农村集体经济组织法》第十五条', en: 'RCEO Law art. 15' }),

  'village-allowances': label('本村享受误工补贴的人员及补贴标准', 'who in the village receives allowances for lost work, and how much', VCL('（一）', '(1)')),
  'village-income-use': label('从村集体经济所得收益的使用', 'using the income of the village’s collective economy', VCL('（二）', '(2)')),
  'village-public-works': label('本村公益事业的兴办和筹资筹劳方案及建设承包方案', 'public works of the village: undertaking them, raising money and labour, and contracting the construction', VCL('（三）', '(3)')),
  'village-land-contracting': label('土地承包经营方案', 'the land contracting plan', VCL('（四）', '(4)')),
  'village-projects': label('村集体经济项目的立项、承包方案', 'starting and contracting out projects of the village’s collective economy', VCL('（五）', '(5)')),
  'village-homestead': label('宅基地的使用方案', 'the homestead land plan', VCL('（六）', '(6)')),
  'village-compensation': label('征地补偿费的使用、分配方案', 'using and distributing compensation for expropriated land', VCL('（七）', '(7)')),
  'village-property-disposal': label('以借贷、租赁或者其他方式处分村集体财产', 'disposing of village collective property by loan, lease or otherwise', VCL('（八）', '(8)')),
  'village-other': label('村民会议认为应当由村民会议讨论决定的涉及村民利益的其他事项', 'other matters of the villagers’ interest the assembly decides to take', VCL('（九）', '(9)')),
  'villager-group-affairs': label('村民小组集体所有的土地、企业和其他财产的经营管理以及公益事项', 'managing the villager group’s collective land, enterprises and other property, and its public affairs', { 'zh-CN': '《村民委员会组织法》第二十八条', en: 'Village Committees Organization Law art. 28' }),

  other: label('非法定事项的征询（如选定日期、了解意向）', 'an informal question the law gives to no body (choosing a date, sounding out views)', { 'zh-CN': '无法定依据', en: 'no statute' }),
};
