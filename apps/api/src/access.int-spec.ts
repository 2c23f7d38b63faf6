/**
 * Walks the whole route table. Every route declares its access rule; anonymous callers get 401
 * on everything not public; and every role of another compound (under another community) gets
 * 403 or 404 — never 2xx, never 500 — on compound A's data and actions, while A's own staff
 * succeed with the same request (so the refusal is about who asks, not a broken request).
 *
 * A new route must be added to CASES below, or this test fails.
 */
import type { ErrorBody } from '@yishi/contracts';
import type { ApiResponse } from '../test/http-session';
import { HttpSession } from '../test/http-session';
import type { RouteInfo } from '../test/route-table';
import { routeTable } from '../test/route-table';
import type { TestApp } from '../test/test-app';
import { startTestApp } from '../test/test-app';
import { download, upload } from '../test/rolls';
import { hashPassword } from './auth/password-hash';
import { publishSimpleVersion } from '../test/consultations';
import { DEMO_PASSWORD } from './seed/demo-data';
import { SealingService } from './votes/sealing.service';
import { createCooperative, openWithApproval, SHORTENING_REASON, signIn } from '../test/vote-fixtures';
import { seedDemoData } from './seed/seed-demo';

interface Ctx {
  /** 御水岸 (compound A) and its parts. */
  unitA: string;
  communityA: string;
  buildingA: string;
  ownerA: string;
  grantA: string;
  /** A cooperative in A's community (rolls of households). */
  cooperativeA: string;
  /** A pending roll import of compound A that changes nothing (its own export), and that file. */
  importA: string;
  rollFileA: Buffer;
  /** A consultation of compound A, open for comments. */
  consultationA: string;
  /**
   * Votes of compound A: scheduled (to open, its early opening approved), scheduled (to cancel), open, counted with an
   * objection, scheduled with its full notice (to ask to shorten), and the convenor's with a shortening waiting for a decision.
   */
  votesA: { scheduled: string; toCancel: string; open: string; closed: string; objection: string; toShorten: string; shortening: string };
  /** Comments: a consultation of A kept in its comment phase, a resident's comment there (to report and answer), one to hide, one hidden. */
  commentsA: { consultation: string; comment: string; toHide: string; hidden: string };
  /** Drafts: a consultation of A with version 1 published and version 2 being edited (with two attachments). */
  draftsA: string;
  draftAttachmentA: string;
  draftAttachmentToRemoveA: string;
  /** Drafts: a consultation of A with no version yet, and one whose version 1 is ready to publish. */
  draftsNewA: string;
  draftsToPublishA: string;
  /** Topics of compound A: an open one, an offline one with a photo of the paper, and three to screen. */
  topicsA: { open: string; offline: string; photo: string; toAccept: string; toMerge: string; toDecline: string };
  /** Briefings on consultationA: one to sign up for, edit and record, one to cancel. */
  briefingsA: { open: string; toCancel: string };
  /** Paper ballots and proxies on an open vote of A: a voter without a paper, papers in each state, an accepted proxy; an rceo-27 vote of a cooperative of A's community for check-ins. */
  papersA: { vote: string; voter: string; issued: number; toEnter: number; disputed: number; toVoid: number; toReissue: number; principal: string; proxy: string; meeting: string; member: string };
}

type Case =
  /** Acts only on the caller's own account: nothing of another unit to reach. */
  | { self: true }
  | { request: (ctx: Ctx) => { path: string; body?: unknown; file?: { name: string; bytes: Buffer; fields?: Record<string, string> } } };

/** The request of a case: JSON, or a multipart upload when the case has a file. */
function send(
  session: HttpSession,
  method: string,
  request: { path: string; body?: unknown; file?: { name: string; bytes: Buffer; fields?: Record<string, string> } },
): Promise<ApiResponse<ErrorBody>> {
  if (request.file) return upload<ErrorBody>(session, request.path, request.file);
  return session.request<ErrorBody>(method, request.path, method === 'GET' ? undefined : (request.body ?? {}));
}

const CASES: Record<string, Case> = {
  'POST /api/units/:unitId/votes': {
    request: (c) => ({
      path: `/api/units/${c.unitA}/votes`,
      body: { title: '外人不得发起', question: '是否同意？', ruleSet: 'cc278-ordinary', matterKinds: ['owners-other'], opensAt: new Date(Date.now() + 16 * DAY).toISOString(), closesAt: new Date(Date.now() + 24 * DAY).toISOString() },
    }),
  },
  'GET /api/units/:unitId/votes': { request: (c) => ({ path: `/api/units/${c.unitA}/votes` }) },
  'GET /api/votes/:id': { request: (c) => ({ path: `/api/votes/${c.votesA.open}` }) },
  'POST /api/votes/:id/open': { request: (c) => ({ path: `/api/votes/${c.votesA.scheduled}/open` }) },
  'POST /api/votes/:id/shortenings': { request: (c) => ({ path: `/api/votes/${c.votesA.toShorten}/shortenings`, body: { reason: SHORTENING_REASON, opensAt: new Date().toISOString() } }) },
  'GET /api/nodes/:nodeId/shortenings': { request: (c) => ({ path: `/api/nodes/${c.communityA}/shortenings` }) },
  'POST /api/shortenings/:id/decision': { request: (c) => ({ path: `/api/shortenings/${c.votesA.shortening}/decision`, body: { outcome: 'approved', note: '已核实，同意' } }) },
  'POST /api/votes/:id/cancel': { request: (c) => ({ path: `/api/votes/${c.votesA.toCancel}/cancel`, body: { reason: '取消的理由' } }) },
  // Casting is checked against the frozen electorate, not roles: see votes.int-spec.ts.
  'POST /api/votes/:id/ballots': { request: (c) => ({ path: `/api/votes/${c.votesA.open}/ballots`, body: { choice: 'approve' } }) },
  'GET /api/votes/:id/turnout': { request: (c) => ({ path: `/api/votes/${c.votesA.open}/turnout` }) },
  'GET /api/votes/:id/board': { request: (c) => ({ path: `/api/votes/${c.votesA.open}/board` }) },
  'GET /api/votes/:id/result': { request: (c) => ({ path: `/api/votes/${c.votesA.closed}/result` }) },
  'GET /api/votes/:id/result/export': { request: (c) => ({ path: `/api/votes/${c.votesA.closed}/result/export?format=csv` }) },
  'GET /api/votes/:id/recount-kit': { request: (c) => ({ path: `/api/votes/${c.votesA.closed}/recount-kit` }) },
  'POST /api/votes/:id/objections': { request: (c) => ({ path: `/api/votes/${c.votesA.closed}/objections`, body: { body: '异议内容' } }) },
  'GET /api/votes/:id/objections': { request: (c) => ({ path: `/api/votes/${c.votesA.closed}/objections` }) },
  'GET /api/votes/:id/voters': { request: (c) => ({ path: `/api/votes/${c.papersA.vote}/voters?q=1-1` }) },
  'POST /api/votes/:id/papers': { request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers`, body: { voterIds: [c.papersA.voter] } }) },
  'GET /api/votes/:id/papers': { request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers` }) },
  'GET /api/votes/:id/papers/print': { request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers/print?group=1栋` }) },
  'POST /api/votes/:id/papers/returned': { request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers/returned`, body: { serials: [c.papersA.issued] } }) },
  'POST /api/votes/:id/papers/:serial/entries': {
    request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers/${c.papersA.toEnter}/entries`, file: { name: 'paper.jpg', bytes: PAPER_JPEG, fields: { choice: 'approve' } } }),
  },
  'POST /api/votes/:id/papers/:serial/resolve': { request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers/${c.papersA.disputed}/resolve`, body: { choice: 'approve', note: '核对选票原件' } }) },
  'POST /api/votes/:id/papers/:serial/void': { request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers/${c.papersA.toVoid}/void`, body: { reason: '选票污损' } }) },
  'POST /api/votes/:id/papers/:serial/reissue': { request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers/${c.papersA.toReissue}/reissue`, body: { reason: '选票遗失' } }) },
  'GET /api/votes/:id/papers/:serial/scan': { request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers/${c.papersA.disputed}/scan` }) },
  'POST /api/votes/:id/check-ins': { request: (c) => ({ path: `/api/votes/${c.papersA.meeting}/check-ins`, body: { voterIds: [c.papersA.member] } }) },
  'POST /api/votes/:id/proxies': { request: (c) => ({ path: `/api/votes/${c.papersA.vote}/proxies`, body: { principalVoterId: c.papersA.principal, agentName: '亲属', written: false } }) },
  'GET /api/votes/:id/proxies': { request: (c) => ({ path: `/api/votes/${c.papersA.vote}/proxies` }) },
  'POST /api/votes/:id/proxies/:proxyId/revoke': { request: (c) => ({ path: `/api/votes/${c.papersA.vote}/proxies/${c.papersA.proxy}/revoke`, body: { reason: '委托人撤回' } }) },
  'GET /api/votes/:id/proxies/:proxyId/scan': { request: (c) => ({ path: `/api/votes/${c.papersA.vote}/proxies/${c.papersA.proxy}/scan` }) },
  'POST /api/objections/:id/answer': { request: (c) => ({ path: `/api/objections/${c.votesA.objection}/answer`, body: { answer: '已核实，维持结果' } }) },
  'POST /api/auth/logout': { self: true },
  'POST /api/auth/logout-everywhere': { self: true },
  'GET /api/me/roll': { self: true },
  'POST /api/me/invitations': { self: true },
  'GET /api/nodes/:nodeId/audit': { request: (c) => ({ path: `/api/nodes/${c.unitA}/audit` }) },
  'GET /api/nodes/:nodeId/roles': { request: (c) => ({ path: `/api/nodes/${c.unitA}/roles` }) },
  'POST /api/nodes/:nodeId/roles': { request: (c) => ({ path: `/api/nodes/${c.unitA}/roles`, body: { phone: '13800000014', role: 'observer' } }) },
  'DELETE /api/roles/:grantId': { request: (c) => ({ path: `/api/roles/${c.grantA}` }) },
  'POST /api/units/:unitId/invitations': { request: (c) => ({ path: `/api/units/${c.unitA}/invitations`, body: { buildingId: c.buildingA } }) },
  'POST /api/units/:unitId/links': {
    request: (c) => ({ path: `/api/units/${c.unitA}/links`, body: { personType: 'owner', personId: c.ownerA, phone: '13800000014' } }),
  },
  'GET /api/units/:unitId/roll/households': { request: (c) => ({ path: `/api/units/${c.cooperativeA}/roll/households` }) },
  'GET /api/units/:unitId/roll/exclusive-units': { request: (c) => ({ path: `/api/units/${c.unitA}/roll/exclusive-units` }) },
  'GET /api/units/:unitId/roll/revisions': { request: (c) => ({ path: `/api/units/${c.unitA}/roll/revisions` }) },
  'POST /api/units/:unitId/roll/imports': { request: (c) => ({ path: `/api/units/${c.unitA}/roll/imports`, file: { name: 'roll.csv', bytes: c.rollFileA } }) },
  'GET /api/units/:unitId/roll/imports/:importId': { request: (c) => ({ path: `/api/units/${c.unitA}/roll/imports/${c.importA}` }) },
  'POST /api/units/:unitId/roll/imports/:importId/commit': { request: (c) => ({ path: `/api/units/${c.unitA}/roll/imports/${c.importA}/commit` }) },
  'GET /api/units/:unitId/roll/export': { request: (c) => ({ path: `/api/units/${c.unitA}/roll/export?format=csv` }) },
  'GET /api/units/:unitId/roll/template': { request: (c) => ({ path: `/api/units/${c.unitA}/roll/template?format=csv` }) },
  'GET /api/me/notifications': { self: true },
  'POST /api/me/notifications/read': { self: true },
  'POST /api/nodes/:nodeId/consultations': { request: (c) => ({ path: `/api/nodes/${c.unitA}/consultations`, body: { title: '外人不得开启', ruleSet: 'cc278-ordinary' } }) },
  'GET /api/units/:unitId/consultations': { request: (c) => ({ path: `/api/units/${c.unitA}/consultations` }) },
  'GET /api/consultations/:id': { request: (c) => ({ path: `/api/consultations/${c.consultationA}` }) },
  'PATCH /api/consultations/:id': { request: (c) => ({ path: `/api/consultations/${c.consultationA}`, body: { summary: '改过的说明' } }) },
  'POST /api/consultations/:id/phase': { request: (c) => ({ path: `/api/consultations/${c.consultationA}/phase`, body: { to: 'revision' } }) },
  'GET /api/consultations/:id/comments': { request: (c) => ({ path: `/api/consultations/${c.commentsA.consultation}/comments` }) },
  'POST /api/consultations/:id/comments': { request: (c) => ({ path: `/api/consultations/${c.commentsA.consultation}/comments`, body: { body: '外人不得评论' } }) },
  'POST /api/consultations/:id/offline-comments': {
    request: (c) => ({
      path: `/api/consultations/${c.commentsA.consultation}/offline-comments`,
      body: { body: '纸质意见', channel: 'paper', collectorName: '楼长', collectedOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()), anonymous: true },
    }),
  },
  'POST /api/comments/:commentId/reports': { request: (c) => ({ path: `/api/comments/${c.commentsA.comment}/reports`, body: { reason: '外人举报' } }) },
  'GET /api/comments/:commentId/reports': { request: (c) => ({ path: `/api/comments/${c.commentsA.comment}/reports` }) },
  'POST /api/comments/:commentId/hide': { request: (c) => ({ path: `/api/comments/${c.commentsA.toHide}/hide`, body: { reason: '外人隐藏' } }) },
  'POST /api/comments/:commentId/unhide': { request: (c) => ({ path: `/api/comments/${c.commentsA.hidden}/unhide` }) },
  'PUT /api/comments/:commentId/official-reply': { request: (c) => ({ path: `/api/comments/${c.commentsA.comment}/official-reply`, body: { outcome: 'noted', reason: '已收悉' } }) },
  'GET /api/consultations/:id/adoption-report': { request: (c) => ({ path: `/api/consultations/${c.commentsA.consultation}/adoption-report` }) },
  'GET /api/consultations/:id/adoption-report/xlsx': { request: (c) => ({ path: `/api/consultations/${c.commentsA.consultation}/adoption-report/xlsx` }) },
  'POST /api/consultations/:id/versions': { request: (c) => ({ path: `/api/consultations/${c.draftsNewA}/versions` }) },
  'GET /api/consultations/:id/versions': { request: (c) => ({ path: `/api/consultations/${c.draftsA}/versions` }) },
  'GET /api/consultations/:id/versions/:number': { request: (c) => ({ path: `/api/consultations/${c.draftsA}/versions/2` }) },
  'PUT /api/consultations/:id/versions/:number': {
    request: (c) => ({ path: `/api/consultations/${c.draftsA}/versions/2`, body: { title: '御水岸草案（修订稿）', clauses: [{ body: '第一条 修改后的正文。' }] } }),
  },
  'POST /api/consultations/:id/versions/:number/publish': { request: (c) => ({ path: `/api/consultations/${c.draftsToPublishA}/versions/1/publish` }) },
  'GET /api/consultations/:id/versions/:number/diff': { request: (c) => ({ path: `/api/consultations/${c.draftsA}/versions/2/diff` }) },
  'POST /api/consultations/:id/versions/:number/attachments': {
    request: (c) => ({ path: `/api/consultations/${c.draftsA}/versions/2/attachments`, file: { name: 'plan.pdf', bytes: DRAFT_PDF, fields: { title: '规划图' } } }),
  },
  'GET /api/consultations/:id/versions/:number/attachments/:fileId': {
    request: (c) => ({ path: `/api/consultations/${c.draftsA}/versions/2/attachments/${c.draftAttachmentA}` }),
  },
  'DELETE /api/consultations/:id/versions/:number/attachments/:fileId': {
    request: (c) => ({ path: `/api/consultations/${c.draftsA}/versions/2/attachments/${c.draftAttachmentToRemoveA}` }),
  },
  'POST /api/units/:unitId/topics': { request: (c) => ({ path: `/api/units/${c.unitA}/topics`, body: { title: '外人不得提议题' } }) },
  'POST /api/units/:unitId/topics/offline': {
    request: (c) => ({ path: `/api/units/${c.unitA}/topics/offline`, body: { channel: 'hotline', title: '热线来电', collectorName: '热线', collectedOn: '2026-01-05', anonymous: true } }),
  },
  'GET /api/units/:unitId/topics': { request: (c) => ({ path: `/api/units/${c.unitA}/topics` }) },
  'GET /api/topics/:id': { request: (c) => ({ path: `/api/topics/${c.topicsA.open}` }) },
  'POST /api/topics/:id/photos': { request: (c) => ({ path: `/api/topics/${c.topicsA.offline}/photos`, file: { name: 'paper.jpg', bytes: PAPER_JPEG } }) },
  'GET /api/topics/:id/photos/:fileId': { request: (c) => ({ path: `/api/topics/${c.topicsA.offline}/photos/${c.topicsA.photo}` }) },
  'PUT /api/topics/:id/second': { request: (c) => ({ path: `/api/topics/${c.topicsA.open}/second` }) },
  'DELETE /api/topics/:id/second': { request: (c) => ({ path: `/api/topics/${c.topicsA.open}/second` }) },
  'POST /api/topics/:id/accept': {
    request: (c) => ({ path: `/api/topics/${c.topicsA.toAccept}/accept`, body: { newConsultation: { title: '由议题开启', ruleSet: 'cc278-ordinary' } } }),
  },
  'POST /api/topics/:id/merge': { request: (c) => ({ path: `/api/topics/${c.topicsA.toMerge}/merge`, body: { intoTopicId: c.topicsA.open } }) },
  'POST /api/topics/:id/decline': { request: (c) => ({ path: `/api/topics/${c.topicsA.toDecline}/decline`, body: { reason: '不属于业主共同决定事项' } }) },
  'POST /api/consultations/:id/briefings': {
    request: (c) => ({ path: `/api/consultations/${c.consultationA}/briefings`, body: { startsAt: '2099-01-01T01:00:00Z', endsAt: '2099-01-01T03:00:00Z', place: '会所', capacity: 10 } }),
  },
  'GET /api/consultations/:id/briefings': { request: (c) => ({ path: `/api/consultations/${c.consultationA}/briefings` }) },
  'PATCH /api/briefings/:id': { request: (c) => ({ path: `/api/briefings/${c.briefingsA.open}`, body: { notes: '请提前十分钟到场' } }) },
  'POST /api/briefings/:id/cancel': { request: (c) => ({ path: `/api/briefings/${c.briefingsA.toCancel}/cancel`, body: { reason: '改期' } }) },
  'PUT /api/briefings/:id/signup': { request: (c) => ({ path: `/api/briefings/${c.briefingsA.open}/signup` }) },
  'DELETE /api/briefings/:id/signup': { request: (c) => ({ path: `/api/briefings/${c.briefingsA.open}/signup` }) },
  'GET /api/briefings/:id/signups': { request: (c) => ({ path: `/api/briefings/${c.briefingsA.open}/signups` }) },
  'POST /api/briefings/:id/attendance': { request: (c) => ({ path: `/api/briefings/${c.briefingsA.open}/attendance`, body: { walkIns: 2 } }) },
};

/** The first bytes of a JPEG: enough for the upload's type sniffing. */
const PAPER_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);

/** A minimal PDF for the draft attachment cases. */
const DRAFT_PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

const DAY = 24 * 3600_000;

const OUTSIDER_PHONES = { staff: '13700000001', convenor: '13700000002', building_head: '13700000003', observer: '13700000004', resident: '13700000005' };

describe('access rules across the whole route table', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  let ctx: Ctx;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    routes = routeTable(t.app);
    // Compound B, under another community of the same street, with one person in every role.
    const q = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await t.dataSource.query<T[]>(sql, params))[0]!;
    const street = await q<{ id: string }>(`SELECT id FROM org_node WHERE code = 'guicheng'`);
    const communityB = await q<{ id: string }>(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('community', 'pingzhou', '平洲社区', $1) RETURNING id`, [street.id]);
    const unitB = await q<{ id: string }>(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('compound', 'cuihuyuan', '翠湖苑', $1) RETURNING id`, [communityB.id]);
    const revisionB = await q<{ id: string }>(`INSERT INTO roll_revision (unit_id, number, source, summary) VALUES ($1, 1, 'seed', '{}') RETURNING id`, [unitB.id]);
    const buildingB = await q<{ id: string }>(`INSERT INTO building (unit_id, name, added_revision_id) VALUES ($1, '1座', $2) RETURNING id`, [unitB.id, revisionB.id]);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const [role, phone] of Object.entries(OUTSIDER_PHONES)) {
      const user = await q<{ id: string }>(`INSERT INTO app_user (phone, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`, [phone, `翠湖苑 ${role}`, passwordHash]);
      await t.dataSource.query(`INSERT INTO role_grant (user_id, node_id, role, building_id) VALUES ($1, $2, $3, $4)`, [
        user.id,
        role === 'staff' ? communityB.id : unitB.id,
        role,
        role === 'building_head' ? buildingB.id : null,
      ]);
    }
    const a = await q<{ unit: string; community: string }>(`SELECT id AS unit, parent_id AS community FROM org_node WHERE code = 'yushuian'`);
    const resident = await q<{ id: string }>(
      `SELECT g.id FROM role_grant g JOIN app_user u ON u.id = g.user_id WHERE u.phone = '13800000013' AND g.role = 'resident'`,
    );
    ctx = {
      unitA: a.unit,
      communityA: a.community,
      buildingA: (await q<{ id: string }>(`SELECT id FROM building WHERE unit_id = $1 AND name = '1栋'`, [a.unit])).id,
      ownerA: (await q<{ id: string }>(`SELECT id FROM owner WHERE unit_id = $1 AND kind = 'person' AND user_id IS NULL ORDER BY name LIMIT 1`, [a.unit])).id,
      grantA: resident.id,
      cooperativeA: (await q<{ id: string }>(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('cooperative', 'daxu-coop', '大圩经济社', $1) RETURNING id`, [a.community])).id,
      importA: '',
      rollFileA: Buffer.alloc(0),
      consultationA: '',
      votesA: { scheduled: '', toCancel: '', open: '', closed: '', objection: '', toShorten: '', shortening: '' },
      commentsA: { consultation: '', comment: '', toHide: '', hidden: '' },
      draftsA: '',
      draftAttachmentA: '',
      draftAttachmentToRemoveA: '',
      draftsNewA: '',
      draftsToPublishA: '',
      topicsA: { open: '', offline: '', photo: '', toAccept: '', toMerge: '', toDecline: '' },
      briefingsA: { open: '', toCancel: '' },
      papersA: { vote: '', voter: '', issued: 0, toEnter: 0, disputed: 0, toVoid: 0, toReissue: 0, principal: '', proxy: '', meeting: '', member: '' },
    };
    const staffOfA = await HttpSession.signedIn(t.baseUrl, '13800000004', DEMO_PASSWORD);
    ctx.rollFileA = (await download(staffOfA, `/api/units/${a.unit}/roll/export?format=csv`)).bytes;
    ctx.importA = (await upload<{ importId: string }>(staffOfA, `/api/units/${a.unit}/roll/imports`, { name: 'roll.csv', bytes: ctx.rollFileA })).body.importId;
    ctx.consultationA = (await staffOfA.post<{ id: string }>(`/api/nodes/${a.unit}/consultations`, { title: '御水岸议事', ruleSet: 'cc278-ordinary' })).body.id;
    // Votes of A in each state the routes need: announced by A's staff to open at once, each early
    // opening approved by the street's staff (A's staff announced them, so they may not approve).
    const streetStaff = await signIn(t.dataSource, t.baseUrl, '13800000002');
    const vote = async (closesInMs: number, by = staffOfA): Promise<string> =>
      (
        await by.post<{ id: string }>(`/api/units/${a.unit}/votes`, {
          title: '表决',
          question: '是否同意？',
          ruleSet: 'cc278-ordinary',
          matterKinds: ['owners-other'],
          opensAt: new Date().toISOString(),
          closesAt: new Date(Date.now() + closesInMs).toISOString(),
          shorteningReason: SHORTENING_REASON,
        })
      ).body.id;
    const approve = async (voteId: string): Promise<void> => {
      const pending = (await staffOfA.get<{ shortening: { id: string } }>(`/api/votes/${voteId}`)).body.shortening.id;
      await streetStaff.post(`/api/shortenings/${pending}/decision`, { outcome: 'approved', note: '已核实，同意' });
    };
    ctx.votesA.scheduled = await vote(8 * DAY);
    await approve(ctx.votesA.scheduled);
    ctx.votesA.toCancel = await vote(8 * DAY);
    ctx.votesA.open = await vote(8 * DAY);
    await openWithApproval(staffOfA, streetStaff, ctx.votesA.open);
    ctx.votesA.closed = await vote(2 * 3600_000);
    await openWithApproval(staffOfA, streetStaff, ctx.votesA.closed);
    await t.app.get(SealingService).closeDue(new Date(Date.now() + 2 * 3600_000 + 1000));
    ctx.votesA.toShorten = (
      await staffOfA.post<{ id: string }>(`/api/units/${a.unit}/votes`, {
        title: '表决',
        question: '是否同意？',
        ruleSet: 'cc278-ordinary',
        matterKinds: ['owners-other'],
        opensAt: new Date(Date.now() + 16 * DAY).toISOString(),
        closesAt: new Date(Date.now() + 24 * DAY).toISOString(),
      })
    ).body.id;
    const convenorA = await signIn(t.dataSource, t.baseUrl, '13800000006');
    ctx.votesA.shortening = (await convenorA.get<{ shortening: { id: string } }>(`/api/votes/${await vote(8 * DAY, convenorA)}`)).body.shortening.id;
    const ownerOfA = await HttpSession.signedIn(t.baseUrl, '13800000012', DEMO_PASSWORD);
    ctx.votesA.objection = (await ownerOfA.post<{ id: string }>(`/api/votes/${ctx.votesA.closed}/objections`, { body: '有异议' })).body.id;
    await publishSimpleVersion(t, ctx.consultationA, '13800000004');
    await staffOfA.post(`/api/consultations/${ctx.consultationA}/phase`, { to: 'comment' });
    // Comments: a consultation of A that stays in its comment phase, with a resident's comments, one of them hidden.
    const commentsOfA = (await staffOfA.post<{ id: string }>(`/api/nodes/${a.unit}/consultations`, { title: '御水岸意见征集', ruleSet: 'cc278-ordinary' })).body.id;
    await publishSimpleVersion(t, commentsOfA, '13800000004');
    await staffOfA.post(`/api/consultations/${commentsOfA}/phase`, { to: 'comment' });
    const commenterOfA = await HttpSession.signedIn(t.baseUrl, '13800000012', DEMO_PASSWORD);
    const commentOfA = async (body: string): Promise<string> => (await commenterOfA.post<{ id: string }>(`/api/consultations/${commentsOfA}/comments`, { body })).body.id;
    ctx.commentsA = { consultation: commentsOfA, comment: await commentOfA('整体同意'), toHide: await commentOfA('待隐藏的意见'), hidden: await commentOfA('已隐藏的意见') };
    await staffOfA.post(`/api/comments/${ctx.commentsA.hidden}/hide`, { reason: '重复内容' });
    // Drafts: version 1 published and open for comments, version 2 being edited with two attachments.
    const openA = async (title: string): Promise<string> => (await staffOfA.post<{ id: string }>(`/api/nodes/${a.unit}/consultations`, { title, ruleSet: 'cc278-ordinary' })).body.id;
    const oneClause = { title: '御水岸草案', clauses: [{ body: '第一条 正文。' }] };
    ctx.draftsA = await openA('御水岸草案');
    await staffOfA.post(`/api/consultations/${ctx.draftsA}/versions`);
    await staffOfA.request('PUT', `/api/consultations/${ctx.draftsA}/versions/1`, oneClause);
    await staffOfA.post(`/api/consultations/${ctx.draftsA}/versions/1/publish`);
    await staffOfA.post(`/api/consultations/${ctx.draftsA}/phase`, { to: 'comment' });
    await staffOfA.post(`/api/consultations/${ctx.draftsA}/versions`);
    const attachA = async (title: string): Promise<string> =>
      (await upload<{ fileId: string }>(staffOfA, `/api/consultations/${ctx.draftsA}/versions/2/attachments`, { name: 'plan.pdf', bytes: DRAFT_PDF, fields: { title } })).body.fileId;
    ctx.draftAttachmentA = await attachA('规划图');
    ctx.draftAttachmentToRemoveA = await attachA('旧图');
    ctx.draftsNewA = await openA('御水岸新议事');
    ctx.draftsToPublishA = await openA('御水岸待发布草案');
    await staffOfA.post(`/api/consultations/${ctx.draftsToPublishA}/versions`);
    await staffOfA.request('PUT', `/api/consultations/${ctx.draftsToPublishA}/versions/1`, oneClause);
    // Topics of compound A (a resident's, and one staff recorded offline with a photo of the paper) and briefings.
    const residentOfA = await HttpSession.signedIn(t.baseUrl, '13800000013', DEMO_PASSWORD);
    const topicOfA = async (title: string): Promise<string> => (await residentOfA.post<{ id: string }>(`/api/units/${a.unit}/topics`, { title })).body.id;
    for (const key of ['open', 'toAccept', 'toMerge', 'toDecline'] as const) ctx.topicsA[key] = await topicOfA(`御水岸议题 ${key}`);
    ctx.topicsA.offline = (
      await staffOfA.post<{ id: string }>(`/api/units/${a.unit}/topics/offline`, { channel: 'suggestion_box', title: '意见箱纸条', collectorName: '楼长', collectedOn: '2026-01-05', anonymous: true })
    ).body.id;
    ctx.topicsA.photo = (await upload<{ photos: { fileId: string }[] }>(staffOfA, `/api/topics/${ctx.topicsA.offline}/photos`, { name: 'paper.jpg', bytes: PAPER_JPEG })).body.photos[0]!.fileId;
    const briefingOfA = async (): Promise<string> =>
      (await staffOfA.post<{ id: string }>(`/api/consultations/${ctx.consultationA}/briefings`, { startsAt: '2099-01-01T01:00:00Z', endsAt: '2099-01-01T03:00:00Z', place: '御水岸会所', capacity: 20 }))
        .body.id;
    ctx.briefingsA = { open: await briefingOfA(), toCancel: await briefingOfA() };
    // Paper ballots and proxies of A: papers issued (one entered by the convenor and read differently by street staff), a proxy with its scan.
    ctx.papersA.vote = await vote(8 * DAY);
    await openWithApproval(staffOfA, streetStaff, ctx.papersA.vote);
    const paperVoters = (
      await t.dataSource.query<{ voter_id: string }[]>(`SELECT voter_id FROM vote_voter WHERE vote_id = $1 AND unit_labels <@ ARRAY['1-101', '1-102', '1-103', '1-201', '1-202', '1-203', '1-302', '1-303'] ORDER BY voter_id`, [ctx.papersA.vote])
    ).map((r) => r.voter_id);
    ctx.papersA.voter = paperVoters[0]!;
    ctx.papersA.principal = paperVoters[7]!;
    const papersOfA = (await staffOfA.post<{ issued: { serial: number; voterId: string }[] }>(`/api/votes/${ctx.papersA.vote}/papers`, { voterIds: paperVoters.slice(1, 6) })).body.issued.map((p) => p.serial);
    [ctx.papersA.issued, ctx.papersA.toEnter, ctx.papersA.disputed, ctx.papersA.toVoid, ctx.papersA.toReissue] = papersOfA as [number, number, number, number, number];
    const convenorOfA = await signIn(t.dataSource, t.baseUrl, '13800000006');
    await upload(convenorOfA, `/api/votes/${ctx.papersA.vote}/papers/${ctx.papersA.disputed}/entries`, { name: 'paper.jpg', bytes: PAPER_JPEG, fields: { choice: 'approve' } });
    await upload(await signIn(t.dataSource, t.baseUrl, '13800000002'), `/api/votes/${ctx.papersA.vote}/papers/${ctx.papersA.disputed}/entries`, { name: 'paper.jpg', bytes: PAPER_JPEG, fields: { choice: 'oppose' } });
    ctx.papersA.proxy = (
      await upload<{ id: string }>(convenorOfA, `/api/votes/${ctx.papersA.vote}/proxies`, { name: '委托书.jpg', bytes: PAPER_JPEG, fields: { principalVoterId: paperVoters[6]!, agentPhone: '13800000014', written: 'true' } })
    ).body.id;
    const meetingUnit = await createCooperative(t.dataSource, { code: 'daxu-coop-2', name: '大圩第二经济社', parent: 'daxu', households: [{ number: 'DX-001', members: [{ key: 'head', name: '黄一', birthDate: '1970-01-01' }] }] });
    ctx.papersA.meeting = (
      await staffOfA.post<{ id: string }>(`/api/units/${meetingUnit.unitId}/votes`, {
        title: '成员大会表决',
        question: '是否同意？',
        ruleSet: 'rceo-27',
        matterKinds: ['plans-and-distribution'],
        opensAt: new Date().toISOString(),
        closesAt: new Date(Date.now() + 2 * DAY).toISOString(),
        shorteningReason: SHORTENING_REASON,
      })
    ).body.id;
    await openWithApproval(staffOfA, streetStaff, ctx.papersA.meeting);
    ctx.papersA.member = (await t.dataSource.query<{ voter_id: string }[]>(`SELECT voter_id FROM vote_voter WHERE vote_id = $1`, [ctx.papersA.meeting]))[0]!.voter_id;
  });
  afterAll(() => t.close());

  it('finds the routes it walks', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(routes.map((r) => r.key)).toContain('GET /api/organizations/tree');
  });

  it('has an access rule on every route', () => {
    expect(routes.filter((r) => !r.rule).map((r) => `${r.key} (${r.handler})`)).toEqual([]);
  });

  it('has a case here for every route that is not public', () => {
    const missing = routes.filter((r) => r.rule?.kind !== 'public' && !CASES[r.key]).map((r) => r.key);
    expect(missing).toEqual([]);
    const stale = Object.keys(CASES).filter((key) => !routes.some((r) => r.key === key));
    expect(stale).toEqual([]);
  });

  it('answers 401 to an anonymous caller on every route that is not public', async () => {
    const anonymous = new HttpSession(t.baseUrl);
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.rule?.kind !== 'public')) {
      const c = CASES[route.key];
      const path = c && 'request' in c ? c.request(ctx).path : route.path.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await send(anonymous, route.method, c && 'request' in c ? { ...c.request(ctx), path } : { path });
      if (res.status !== 401 || res.body.code !== 'UNAUTHENTICATED') wrong.push(`${route.key} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses every role of another compound on compound A, and lets A’s staff through with the same request', async () => {
    const permissionRoutes = routes.filter((r) => r.rule?.kind === 'permission');
    expect(permissionRoutes.length).toBeGreaterThan(0);
    const outsiders = await Promise.all(
      Object.entries(OUTSIDER_PHONES).map(async ([role, phone]) => ({ role, session: await HttpSession.signedIn(t.baseUrl, phone, DEMO_PASSWORD) })),
    );
    const wrong: string[] = [];
    for (const route of permissionRoutes) {
      const c = CASES[route.key]!;
      if (!('request' in c)) continue;
      for (const { role, session } of outsiders) {
        const res = await send(session, route.method, c.request(ctx));
        if (res.status !== 403 && res.status !== 404) wrong.push(`${role}: ${route.key} → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);

    // The same requests from 大圩社区's staff (A's community) succeed.
    const staffA = await HttpSession.signedIn(t.baseUrl, '13800000004', DEMO_PASSWORD);
    const refused: string[] = [];
    for (const route of permissionRoutes) {
      const c = CASES[route.key]!;
      if (!('request' in c)) continue;
      if (route.key === 'POST /api/units/:unitId/links') {
        // Linking needs the account to exist; the staff member links the tenant's account.
        await t.dataSource.query(`UPDATE owner SET user_id = NULL WHERE id = $1`, [ctx.ownerA]);
      }
      const res = await send(staffA, route.method, c.request(ctx));
      if (res.status >= 300) refused.push(`${route.key} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
    }
    expect(refused).toEqual([]);
    // Six callers walk every route: the table grows with every feature.
  }, 180_000);
});
