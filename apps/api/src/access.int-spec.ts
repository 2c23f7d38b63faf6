/**
 * The declared permission is the enforced permission. Walks the whole route table with every
 * demo role (and anonymously), each request on the route's real target in compound A (御水岸),
 * and compares what HTTP answered with what the route's declaration says: `can()` of libs/domain
 * for the caller's grants on the target's node, the draft rule for consultations, and the
 * exceptions the route declares (a voter on the vote's frozen electorate, the agent of an accepted
 * proxy, a topic's author) — worked out here from the database, not by the guard's code.
 *
 * An answer counts as "allowed" when access let it through: 2xx, or a 4xx that is not a refusal
 * of access (409 for a state, 400 for a body, a 403 with a reason the service adds on top — a voter
 * casts only for themself, turnout is private). "Hidden" is 404 (the target is none of the
 * caller's business), "forbidden" 403 naming the declared action (a role there that does not allow
 * it), "unauthenticated" 401.
 *
 * A new route must be added to CASES below, or this test fails.
 */
import type { Action, ErrorBody, Role } from '@yishi/contracts';
import type { Grant } from '@yishi/domain';
import { can, hasAnyRole } from '@yishi/domain';
import type { ApiResponse } from '../test/http-session';
import { HttpSession } from '../test/http-session';
import type { RouteInfo } from '../test/route-table';
import { routeTable } from '../test/route-table';
import type { TestApp } from '../test/test-app';
import { startTestApp, TEST_SECRET } from '../test/test-app';
import { keyedHash } from './common/keyed-hash';
import { download, upload } from '../test/rolls';
import { publishSimpleVersion } from '../test/consultations';
import { createAccount, createCooperative, grant, openWithApproval, SHORTENING_REASON, signIn } from '../test/vote-fixtures';
import type { AccessRule } from './auth/access.decorators';
import { EXCEPTIONS_OF } from './permissions/targets';
import type { AccessException } from './permissions/targets';
import { seedDemoData } from './seed/seed-demo';
import { SealingService } from './votes/sealing/sealing.service';

interface Ctx {
  /** 御水岸 (compound A) and its parts. */
  unitA: string;
  /** A's community (大圩社区), where its supervisors decide shortenings. */
  communityA: string;
  buildingA: string;
  ownerA: string;
  /** A role grant of compound A to revoke (put back before each caller). */
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
  /** The document the open vote of A was announced with. */
  voteFileA: string;
  /** Comments: a consultation of A kept in its comment phase, a resident's comment there (to report and answer), one to hide, one hidden. */
  commentsA: { consultation: string; comment: string; toHide: string; hidden: string };
  /** Drafts: a consultation of A with versions 1 and 2 published (with an attachment) and version 3 being edited. */
  draftsA: string;
  draftAttachmentA: string;
  draftAttachmentToRemoveA: string;
  /** Drafts: a consultation of A with no version yet, and one whose version 1 is ready to publish (both still in their draft phase). */
  draftsNewA: string;
  draftsToPublishA: string;
  /** Topics of compound A: an open one, an offline one with a photo of the paper, and three to screen. */
  topicsA: { open: string; offline: string; photo: string; toAccept: string; toMerge: string; toDecline: string };
  /** Briefings on consultationA: one to sign up for, edit and record, one to cancel. */
  briefingsA: { open: string; toCancel: string };
  /** Sessions of compound A: a draft (put back to draft before each caller, to announce) and one whose notice has run and that starts soon (for check-ins). */
  sessionsA: { draft: string; live: string; item: string; items: string[]; agent: string };
  /** A consultative session of A sitting now, with officers, a vote item (its own open vote) and a free item. */
  /** A voter of the open vote of A filed under 1栋 (the door-to-door list). */
  missingVoterA: string;
  roomA: { shortDraft: string; session: string; vote: string; voteItem: string; freeItem: string; owner: string; guest: string; slip: string; followUp: string; photo: string; officers: Record<'chair' | 'recorder' | 'teller' | 'scrutineer', string> };
  /** Paper ballots and proxies on an open vote of A: a voter without a paper, papers in each state, an accepted proxy; an rceo-27 vote of a cooperative of A's community for check-ins. */
  papersA: { vote: string; voter: string; issued: number; toEnter: number; disputed: number; toVoid: number; toReissue: number; principal: string; proxy: string; meeting: string; meetingUnit: string; member: string };
  /** An account with no role, which routes that name a person act on (granted a role, linked to a roll entry). */
  granteePhone: string;
  /** An owner of A linked (again before each caller) to an account of its own, for undoing the link. */
  linkedOwnerA: string;
}

interface Request {
  path: string;
  body?: unknown;
  file?: { name: string; bytes: Buffer; fields?: Record<string, string> };
}

interface Case {
  request: (c: Ctx) => Request;
  /** The node whose roles decide: compound A unless said otherwise. */
  node?: (c: Ctx) => string;
  /** The consultation the request is about (one opened on compound A): in its draft phase only those who run it see it. */
  consultation?: (c: Ctx) => string;
  /** The vote the request is about, for the voter and proxy-agent exceptions. */
  vote?: (c: Ctx) => string;
  /** The topic the request is about, for the author exception. */
  topic?: (c: Ctx) => string;
  /** The session the request is about: a draft is seen by those who run it only. */
  session?: (c: Ctx) => string;
  /** Run before each caller: puts back what the previous caller's request removed. */
  prepare?: (c: Ctx) => Promise<void>;
}

/** Acts only on the caller's own account: nothing of a unit to reach, any signed-in caller may. */
type SelfCase = { self: true };

const CASES: Record<string, Case | SelfCase> = {
  'POST /api/units/:unitId/votes': {
    request: (c) => ({
      path: `/api/units/${c.unitA}/votes`,
      body: { title: '发起表决', question: '是否同意？', ruleSet: 'cc278-ordinary', matterKinds: ['owners-other'], opensAt: new Date(Date.now() + 16 * DAY).toISOString(), closesAt: new Date(Date.now() + 24 * DAY).toISOString() },
    }),
  },
  'GET /api/units/:unitId/votes': { request: (c) => ({ path: `/api/units/${c.unitA}/votes` }) },
  'GET /api/votes/:id/missing': { vote: (c) => c.votesA.open, request: (c) => ({ path: `/api/votes/${c.votesA.open}/missing?buildingId=${c.buildingA}` }) },
  'POST /api/votes/:id/missing/contacts': {
    vote: (c) => c.votesA.open,
    request: (c) => ({ path: `/api/votes/${c.votesA.open}/missing/contacts`, body: { voterId: c.missingVoterA, outcome: 'not_home', buildingId: c.buildingA } }),
  },
  'POST /api/units/:unitId/account-resets/lookup': { request: (c) => ({ path: `/api/units/${c.unitA}/account-resets/lookup`, body: { phone: CALLERS.tenant, buildingId: c.buildingA } }) },
  'POST /api/units/:unitId/account-resets': { request: (c) => ({ path: `/api/units/${c.unitA}/account-resets`, body: { phone: CALLERS.tenant, buildingId: c.buildingA } }) },
  'POST /api/units/:unitId/vote-attachments': { request: (c) => ({ path: `/api/units/${c.unitA}/vote-attachments`, file: { name: 'quote.pdf', bytes: DRAFT_PDF } }) },
  'GET /api/votes/:id/attachments/:fileId': { vote: (c) => c.votesA.open, request: (c) => ({ path: `/api/votes/${c.votesA.open}/attachments/${c.voteFileA}` }) },
  'GET /api/votes/:id/reminders': { vote: (c) => c.votesA.open, request: (c) => ({ path: `/api/votes/${c.votesA.open}/reminders` }) },
  'PUT /api/votes/:id/reminders': { vote: (c) => c.votesA.open, request: (c) => ({ path: `/api/votes/${c.votesA.open}/reminders`, body: { hoursBefore: [1] } }) },
  'GET /api/votes/:id': { vote: (c) => c.votesA.open, request: (c) => ({ path: `/api/votes/${c.votesA.open}` }) },
  'POST /api/votes/:id/open': { vote: (c) => c.votesA.scheduled, request: (c) => ({ path: `/api/votes/${c.votesA.scheduled}/open` }) },
  'POST /api/votes/:id/shortenings': {
    vote: (c) => c.votesA.toShorten,
    request: (c) => ({ path: `/api/votes/${c.votesA.toShorten}/shortenings`, body: { reason: SHORTENING_REASON, opensAt: new Date().toISOString() } }),
  },
  'GET /api/nodes/:nodeId/shortenings': { node: (c) => c.communityA, request: (c) => ({ path: `/api/nodes/${c.communityA}/shortenings` }) },
  'POST /api/shortenings/:id/decision': { request: (c) => ({ path: `/api/shortenings/${c.votesA.shortening}/decision`, body: { outcome: 'approved', note: '已核实，同意' } }) },
  'POST /api/votes/:id/cancel': { vote: (c) => c.votesA.toCancel, request: (c) => ({ path: `/api/votes/${c.votesA.toCancel}/cancel`, body: { reason: '取消的理由' } }) },
  'POST /api/votes/:id/ballots': { vote: (c) => c.votesA.open, request: (c) => ({ path: `/api/votes/${c.votesA.open}/ballots`, body: { choice: 'approve' } }) },
  'GET /api/votes/:id/turnout': { vote: (c) => c.votesA.open, request: (c) => ({ path: `/api/votes/${c.votesA.open}/turnout` }) },
  'GET /api/votes/:id/board': { vote: (c) => c.votesA.open, request: (c) => ({ path: `/api/votes/${c.votesA.open}/board` }) },
  'GET /api/votes/:id/result': { vote: (c) => c.votesA.closed, request: (c) => ({ path: `/api/votes/${c.votesA.closed}/result` }) },
  'GET /api/votes/:id/result/export': { vote: (c) => c.votesA.closed, request: (c) => ({ path: `/api/votes/${c.votesA.closed}/result/export?format=csv` }) },
  'GET /api/votes/:id/recount-kit': { vote: (c) => c.votesA.closed, request: (c) => ({ path: `/api/votes/${c.votesA.closed}/recount-kit` }) },
  'GET /api/votes/:id/public-link': { vote: (c) => c.votesA.closed, request: (c) => ({ path: `/api/votes/${c.votesA.closed}/public-link` }) },
  'POST /api/votes/:id/board/publish': { vote: (c) => c.votesA.closed, request: (c) => ({ path: `/api/votes/${c.votesA.closed}/board/publish` }) },
  'POST /api/votes/:id/objections': { vote: (c) => c.votesA.closed, request: (c) => ({ path: `/api/votes/${c.votesA.closed}/objections`, body: { body: '异议内容' } }) },
  'GET /api/votes/:id/objections': { vote: (c) => c.votesA.closed, request: (c) => ({ path: `/api/votes/${c.votesA.closed}/objections` }) },
  'GET /api/votes/:id/voters': { vote: (c) => c.papersA.vote, request: (c) => ({ path: `/api/votes/${c.papersA.vote}/voters?q=1-1` }) },
  'POST /api/votes/:id/papers': { vote: (c) => c.papersA.vote, request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers`, body: { voterIds: [c.papersA.voter] } }) },
  'GET /api/votes/:id/papers': { vote: (c) => c.papersA.vote, request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers` }) },
  'GET /api/votes/:id/papers/print': { vote: (c) => c.papersA.vote, request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers/print?group=1栋` }) },
  'POST /api/votes/:id/papers/returned': { vote: (c) => c.papersA.vote, request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers/returned`, body: { serials: [c.papersA.issued] } }) },
  'POST /api/votes/:id/papers/:serial/entries': {
    vote: (c) => c.papersA.vote,
    request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers/${c.papersA.toEnter}/entries`, file: { name: 'paper.jpg', bytes: PAPER_JPEG, fields: { choice: 'approve' } } }),
  },
  'POST /api/votes/:id/papers/:serial/resolve': {
    vote: (c) => c.papersA.vote,
    request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers/${c.papersA.disputed}/resolve`, body: { choice: 'approve', note: '核对选票原件' } }),
  },
  'POST /api/votes/:id/papers/:serial/void': { vote: (c) => c.papersA.vote, request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers/${c.papersA.toVoid}/void`, body: { reason: '选票污损' } }) },
  'POST /api/votes/:id/papers/:serial/reissue': { vote: (c) => c.papersA.vote, request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers/${c.papersA.toReissue}/reissue`, body: { reason: '选票遗失' } }) },
  'GET /api/votes/:id/papers/:serial/scan': { vote: (c) => c.papersA.vote, request: (c) => ({ path: `/api/votes/${c.papersA.vote}/papers/${c.papersA.disputed}/scan` }) },
  'POST /api/votes/:id/check-ins': {
    node: (c) => c.papersA.meetingUnit,
    vote: (c) => c.papersA.meeting,
    request: (c) => ({ path: `/api/votes/${c.papersA.meeting}/check-ins`, body: { voterIds: [c.papersA.member] } }),
  },
  'POST /api/votes/:id/proxies': {
    vote: (c) => c.papersA.vote,
    request: (c) => ({ path: `/api/votes/${c.papersA.vote}/proxies`, body: { principalVoterId: c.papersA.principal, agentName: '亲属', written: false } }),
  },
  'GET /api/votes/:id/proxies': { vote: (c) => c.papersA.vote, request: (c) => ({ path: `/api/votes/${c.papersA.vote}/proxies` }) },
  'POST /api/votes/:id/proxies/:proxyId/revoke': {
    vote: (c) => c.papersA.vote,
    request: (c) => ({ path: `/api/votes/${c.papersA.vote}/proxies/${c.papersA.proxy}/revoke`, body: { reason: '委托人撤回' } }),
  },
  'GET /api/votes/:id/proxies/:proxyId/scan': { vote: (c) => c.papersA.vote, request: (c) => ({ path: `/api/votes/${c.papersA.vote}/proxies/${c.papersA.proxy}/scan` }) },
  'POST /api/objections/:id/answer': { vote: (c) => c.votesA.closed, request: (c) => ({ path: `/api/objections/${c.votesA.objection}/answer`, body: { answer: '已核实，维持结果' } }) },
  'POST /api/auth/logout': { self: true },
  'POST /api/auth/logout-everywhere': { self: true },
  'GET /api/me/roll': { self: true },
  'GET /api/me/open-matters': { self: true },
  'GET /api/me/message-preferences': { self: true },
  'PUT /api/me/message-preferences': { self: true },
  'POST /api/me/wechat/binding': { self: true },
  'GET /api/me/wechat/callback': { self: true },
  'DELETE /api/me/wechat/binding': { self: true },
  'POST /api/me/invitations': { self: true },
  'POST /api/me/invitations/check': { self: true },
  'POST /api/me/invitations/phone-code': { self: true },
  'GET /api/nodes/:nodeId/audit': { request: (c) => ({ path: `/api/nodes/${c.unitA}/audit` }) },
  'GET /api/nodes/:nodeId/roles': { request: (c) => ({ path: `/api/nodes/${c.unitA}/roles` }) },
  'POST /api/nodes/:nodeId/roles': { request: (c) => ({ path: `/api/nodes/${c.unitA}/roles`, body: { phone: c.granteePhone, role: 'observer' } }) },
  'DELETE /api/roles/:grantId': {
    prepare: async (c) => {
      c.grantA = await grantOf(c.granteePhone, c.unitA, 'resident');
    },
    request: (c) => ({ path: `/api/roles/${c.grantA}` }),
  },
  'POST /api/units/:unitId/invitations': { request: (c) => ({ path: `/api/units/${c.unitA}/invitations`, body: { buildingId: c.buildingA } }) },
  'POST /api/units/:unitId/links/:personType/:personId/unlink': {
    prepare: async (c) => {
      await t.dataSource.query(`UPDATE owner SET user_id = (SELECT id FROM app_user WHERE phone = '13700000011') WHERE id = $1 AND user_id IS NULL`, [c.linkedOwnerA]);
    },
    request: (c) => ({ path: `/api/units/${c.unitA}/links/owner/${c.linkedOwnerA}/unlink`, body: { reason: '邀请函被他人冒用' } }),
  },
  'POST /api/units/:unitId/links': { request: (c) => ({ path: `/api/units/${c.unitA}/links`, body: { personType: 'owner', personId: c.ownerA, phone: c.granteePhone } }) },
  'GET /api/units/:unitId/roll/households': { node: (c) => c.cooperativeA, request: (c) => ({ path: `/api/units/${c.cooperativeA}/roll/households` }) },
  'GET /api/units/:unitId/roll/exclusive-units': { request: (c) => ({ path: `/api/units/${c.unitA}/roll/exclusive-units` }) },
  'GET /api/units/:unitId/roll/revisions': { request: (c) => ({ path: `/api/units/${c.unitA}/roll/revisions` }) },
  'POST /api/units/:unitId/roll/imports': { request: (c) => ({ path: `/api/units/${c.unitA}/roll/imports`, file: { name: 'roll.csv', bytes: c.rollFileA } }) },
  'GET /api/units/:unitId/roll/imports/:importId': { request: (c) => ({ path: `/api/units/${c.unitA}/roll/imports/${c.importA}` }) },
  'POST /api/units/:unitId/roll/imports/:importId/commit': { request: (c) => ({ path: `/api/units/${c.unitA}/roll/imports/${c.importA}/commit` }) },
  'GET /api/units/:unitId/roll/export': { request: (c) => ({ path: `/api/units/${c.unitA}/roll/export?format=csv` }) },
  'GET /api/units/:unitId/roll/template': { request: (c) => ({ path: `/api/units/${c.unitA}/roll/template?format=csv` }) },
  'GET /api/me/notifications': { self: true },
  'POST /api/me/notifications/read': { self: true },
  'POST /api/nodes/:nodeId/consultations': { request: (c) => ({ path: `/api/nodes/${c.unitA}/consultations`, body: { title: '新议事', ruleSet: 'cc278-ordinary' } }) },
  'GET /api/units/:unitId/consultations': { request: (c) => ({ path: `/api/units/${c.unitA}/consultations` }) },
  'GET /api/consultations/:id': { consultation: (c) => c.consultationA, request: (c) => ({ path: `/api/consultations/${c.consultationA}` }) },
  'PATCH /api/consultations/:id': { consultation: (c) => c.consultationA, request: (c) => ({ path: `/api/consultations/${c.consultationA}`, body: { summary: '改过的说明' } }) },
  'POST /api/consultations/:id/phase': { consultation: (c) => c.consultationA, request: (c) => ({ path: `/api/consultations/${c.consultationA}/phase`, body: { to: 'revision' } }) },
  'GET /api/consultations/:id/comments': { consultation: (c) => c.commentsA.consultation, request: (c) => ({ path: `/api/consultations/${c.commentsA.consultation}/comments` }) },
  'POST /api/consultations/:id/comments': { consultation: (c) => c.commentsA.consultation, request: (c) => ({ path: `/api/consultations/${c.commentsA.consultation}/comments`, body: { body: '我的意见' } }) },
  'POST /api/consultations/:id/offline-comments': {
    consultation: (c) => c.commentsA.consultation,
    request: (c) => ({
      path: `/api/consultations/${c.commentsA.consultation}/offline-comments`,
      body: { body: '纸质意见', channel: 'paper', collectorName: '楼长', collectedOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()), anonymous: true },
    }),
  },
  'POST /api/comments/:commentId/reports': { consultation: (c) => c.commentsA.consultation, request: (c) => ({ path: `/api/comments/${c.commentsA.comment}/reports`, body: { reason: '举报理由' } }) },
  'GET /api/comments/:commentId/reports': { consultation: (c) => c.commentsA.consultation, request: (c) => ({ path: `/api/comments/${c.commentsA.comment}/reports` }) },
  'POST /api/comments/:commentId/hide': { consultation: (c) => c.commentsA.consultation, request: (c) => ({ path: `/api/comments/${c.commentsA.toHide}/hide`, body: { reason: '人身攻击' } }) },
  'POST /api/comments/:commentId/unhide': { consultation: (c) => c.commentsA.consultation, request: (c) => ({ path: `/api/comments/${c.commentsA.hidden}/unhide` }) },
  'PUT /api/comments/:commentId/official-reply': {
    consultation: (c) => c.commentsA.consultation,
    request: (c) => ({ path: `/api/comments/${c.commentsA.comment}/official-reply`, body: { outcome: 'noted', reason: '已收悉' } }),
  },
  'GET /api/consultations/:id/adoption-report': { consultation: (c) => c.commentsA.consultation, request: (c) => ({ path: `/api/consultations/${c.commentsA.consultation}/adoption-report` }) },
  'GET /api/consultations/:id/adoption-report/xlsx': { consultation: (c) => c.commentsA.consultation, request: (c) => ({ path: `/api/consultations/${c.commentsA.consultation}/adoption-report/xlsx` }) },
  'POST /api/consultations/:id/versions': { consultation: (c) => c.draftsNewA, request: (c) => ({ path: `/api/consultations/${c.draftsNewA}/versions` }) },
  'GET /api/consultations/:id/versions': { consultation: (c) => c.draftsA, request: (c) => ({ path: `/api/consultations/${c.draftsA}/versions` }) },
  'GET /api/consultations/:id/versions/:number': { consultation: (c) => c.draftsA, request: (c) => ({ path: `/api/consultations/${c.draftsA}/versions/2` }) },
  'PUT /api/consultations/:id/versions/:number': {
    consultation: (c) => c.draftsA,
    request: (c) => ({ path: `/api/consultations/${c.draftsA}/versions/3`, body: { title: '御水岸草案（第三稿）', clauses: [{ body: '第一条 修改后的正文。' }] } }),
  },
  'POST /api/consultations/:id/versions/:number/publish': { consultation: (c) => c.draftsToPublishA, request: (c) => ({ path: `/api/consultations/${c.draftsToPublishA}/versions/1/publish` }) },
  'GET /api/consultations/:id/versions/:number/diff': { consultation: (c) => c.draftsA, request: (c) => ({ path: `/api/consultations/${c.draftsA}/versions/2/diff` }) },
  'POST /api/consultations/:id/versions/:number/attachments': {
    consultation: (c) => c.draftsA,
    request: (c) => ({ path: `/api/consultations/${c.draftsA}/versions/3/attachments`, file: { name: 'plan.pdf', bytes: DRAFT_PDF, fields: { title: '规划图' } } }),
  },
  'GET /api/consultations/:id/versions/:number/attachments/:fileId': {
    consultation: (c) => c.draftsA,
    request: (c) => ({ path: `/api/consultations/${c.draftsA}/versions/2/attachments/${c.draftAttachmentA}` }),
  },
  'DELETE /api/consultations/:id/versions/:number/attachments/:fileId': {
    consultation: (c) => c.draftsA,
    prepare: async (c) => {
      const [left] = await t.dataSource.query<unknown[]>(`SELECT 1 FROM version_attachment WHERE file_id = $1`, [c.draftAttachmentToRemoveA || null]);
      if (!left) c.draftAttachmentToRemoveA = await attachToDraftA(c, 3, '旧图');
    },
    request: (c) => ({ path: `/api/consultations/${c.draftsA}/versions/3/attachments/${c.draftAttachmentToRemoveA}` }),
  },
  'POST /api/units/:unitId/topics': { request: (c) => ({ path: `/api/units/${c.unitA}/topics`, body: { title: '增设快递柜' } }) },
  'POST /api/units/:unitId/topics/offline': {
    request: (c) => ({ path: `/api/units/${c.unitA}/topics/offline`, body: { channel: 'hotline', title: '热线来电', collectorName: '热线', collectedOn: '2026-01-05', anonymous: true } }),
  },
  'GET /api/units/:unitId/topics': { request: (c) => ({ path: `/api/units/${c.unitA}/topics` }) },
  'GET /api/topics/:id': { topic: (c) => c.topicsA.open, request: (c) => ({ path: `/api/topics/${c.topicsA.open}` }) },
  'POST /api/topics/:id/photos': { topic: (c) => c.topicsA.offline, request: (c) => ({ path: `/api/topics/${c.topicsA.offline}/photos`, file: { name: 'paper.jpg', bytes: PAPER_JPEG } }) },
  'GET /api/topics/:id/photos/:fileId': { topic: (c) => c.topicsA.offline, request: (c) => ({ path: `/api/topics/${c.topicsA.offline}/photos/${c.topicsA.photo}` }) },
  'PUT /api/topics/:id/second': { topic: (c) => c.topicsA.open, request: (c) => ({ path: `/api/topics/${c.topicsA.open}/second` }) },
  'DELETE /api/topics/:id/second': { topic: (c) => c.topicsA.open, request: (c) => ({ path: `/api/topics/${c.topicsA.open}/second` }) },
  'POST /api/topics/:id/accept': {
    topic: (c) => c.topicsA.toAccept,
    request: (c) => ({ path: `/api/topics/${c.topicsA.toAccept}/accept`, body: { newConsultation: { title: '由议题开启', ruleSet: 'cc278-ordinary' } } }),
  },
  'POST /api/topics/:id/merge': { topic: (c) => c.topicsA.toMerge, request: (c) => ({ path: `/api/topics/${c.topicsA.toMerge}/merge`, body: { intoTopicId: c.topicsA.open } }) },
  'POST /api/topics/:id/decline': { topic: (c) => c.topicsA.toDecline, request: (c) => ({ path: `/api/topics/${c.topicsA.toDecline}/decline`, body: { reason: '不属于业主共同决定事项' } }) },
  'POST /api/consultations/:id/briefings': {
    consultation: (c) => c.consultationA,
    request: (c) => ({ path: `/api/consultations/${c.consultationA}/briefings`, body: { startsAt: '2099-01-01T01:00:00Z', endsAt: '2099-01-01T03:00:00Z', place: '会所', capacity: 10 } }),
  },
  'GET /api/consultations/:id/briefings': { consultation: (c) => c.consultationA, request: (c) => ({ path: `/api/consultations/${c.consultationA}/briefings` }) },
  'PATCH /api/briefings/:id': { consultation: (c) => c.consultationA, request: (c) => ({ path: `/api/briefings/${c.briefingsA.open}`, body: { notes: '请提前十分钟到场' } }) },
  'POST /api/briefings/:id/cancel': { consultation: (c) => c.consultationA, request: (c) => ({ path: `/api/briefings/${c.briefingsA.toCancel}/cancel`, body: { reason: '改期' } }) },
  'PUT /api/briefings/:id/signup': { consultation: (c) => c.consultationA, request: (c) => ({ path: `/api/briefings/${c.briefingsA.open}/signup` }) },
  'DELETE /api/briefings/:id/signup': { consultation: (c) => c.consultationA, request: (c) => ({ path: `/api/briefings/${c.briefingsA.open}/signup` }) },
  'GET /api/briefings/:id/signups': { consultation: (c) => c.consultationA, request: (c) => ({ path: `/api/briefings/${c.briefingsA.open}/signups` }) },
  'POST /api/nodes/:nodeId/sessions': {
    request: (c) => ({ path: `/api/nodes/${c.unitA}/sessions`, body: { kind: 'consultative', title: '议事会', place: '党群服务站', startsAt: '2099-02-01T01:00:00Z', endsAt: '2099-02-01T03:00:00Z' } }),
  },
  'GET /api/nodes/:nodeId/sessions': { request: (c) => ({ path: `/api/nodes/${c.unitA}/sessions` }) },
  'GET /api/sessions/:id': { session: (c) => c.sessionsA.live, request: (c) => ({ path: `/api/sessions/${c.sessionsA.live}` }) },
  'POST /api/sessions/:id/announce': {
    session: (c) => c.sessionsA.draft,
    prepare: async (c) => {
      await t.dataSource.query(`UPDATE discussion_session SET status = 'draft', announced_at = NULL, notice_ends_at = NULL WHERE id = $1`, [c.sessionsA.draft]);
    },
    request: (c) => ({ path: `/api/sessions/${c.sessionsA.draft}/announce` }),
  },
  'POST /api/sessions/:id/agenda': {
    session: (c) => c.sessionsA.live,
    request: (c) => ({ path: `/api/sessions/${c.sessionsA.live}/agenda`, body: { kind: 'free', title: '临时动议', urgentReason: '台风过境后小区多处倒树，需本次会议确定清理分工' } }),
  },
  'GET /api/sessions/:id/agenda-candidates': { session: (c) => c.sessionsA.live, request: (c) => ({ path: `/api/sessions/${c.sessionsA.live}/agenda-candidates` }) },
  'PUT /api/sessions/:id/agenda/order': {
    session: (c) => c.sessionsA.live,
    prepare: async (c) => {
      c.sessionsA.items = (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM session_agenda_item WHERE session_id = $1 ORDER BY id`, [c.sessionsA.live])).map((r) => r.id);
    },
    request: (c) => ({ path: `/api/sessions/${c.sessionsA.live}/agenda/order`, body: { itemIds: c.sessionsA.items } }),
  },
  'POST /api/sessions/:id/agenda/:itemId/defer': {
    session: (c) => c.sessionsA.live,
    prepare: async (c) => {
      await t.dataSource.query(`UPDATE session_agenda_item SET deferred_at = NULL, deferred_reason = NULL WHERE id = $1`, [c.sessionsA.item]);
    },
    request: (c) => ({ path: `/api/sessions/${c.sessionsA.live}/agenda/${c.sessionsA.item}/defer`, body: { reason: '材料未齐' } }),
  },
  'GET /api/sessions/:id/people': { session: (c) => c.sessionsA.live, request: (c) => ({ path: `/api/sessions/${c.sessionsA.live}/people?q=1-1` }) },
  'POST /api/sessions/:id/check-ins': {
    session: (c) => c.sessionsA.live,
    prepare: async (c) => {
      await t.dataSource.query(`DELETE FROM session_attendance WHERE session_id = $1`, [c.sessionsA.live]);
    },
    request: (c) => ({ path: `/api/sessions/${c.sessionsA.live}/check-ins`, body: { personType: 'owner', personId: c.ownerA } }),
  },
  'GET /api/sessions/:id/check-in-code': { session: (c) => c.sessionsA.live, request: (c) => ({ path: `/api/sessions/${c.sessionsA.live}/check-in-code` }) },
  'POST /api/sessions/:id/self-check-ins': {
    session: (c) => c.sessionsA.live,
    prepare: async (c) => {
      await t.dataSource.query(`DELETE FROM session_attendance WHERE session_id = $1`, [c.sessionsA.live]);
    },
    // The code the room shows now (the tests' secret is known here).
    request: (c) => ({
      path: `/api/sessions/${c.sessionsA.live}/self-check-ins`,
      body: { code: keyedHash(TEST_SECRET.key, 'session-check-in', `${c.sessionsA.live}:${Math.floor(Date.now() / 30_000)}`).slice(0, 12) },
    }),
  },
  'POST /api/sessions/:id/proxies': {
    session: (c) => c.sessionsA.live,
    // Owner A, not in the room, represented in writing by another owner who is.
    prepare: async (c) => {
      await t.dataSource.query(`DELETE FROM session_proxy WHERE session_id = $1`, [c.sessionsA.live]);
      await t.dataSource.query(`DELETE FROM session_attendance WHERE session_id = $1`, [c.sessionsA.live]);
      c.sessionsA.agent ||= (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM owner WHERE unit_id = $1 AND kind = 'person' AND id <> $2 ORDER BY name LIMIT 1`, [c.unitA, c.ownerA]))[0]!.id;
      await t.dataSource.query(
        `INSERT INTO session_attendance (session_id, unit_id, person_type, person_id, method, checked_in_by)
         SELECT $1, $2, 'owner', $3, 'desk', (SELECT created_by FROM discussion_session WHERE id = $1)`,
        [c.sessionsA.live, c.unitA, c.sessionsA.agent],
      );
    },
    request: (c) => ({ path: `/api/sessions/${c.sessionsA.live}/proxies`, body: { principalType: 'owner', principalId: c.ownerA, agentType: 'owner', agentId: c.sessionsA.agent, written: true } }),
  },
  'POST /api/sessions/:id/departures': {
    session: (c) => c.sessionsA.live,
    prepare: async (c) => {
      await t.dataSource.query(
        `INSERT INTO session_attendance (session_id, unit_id, person_type, person_id, method, checked_in_by)
         SELECT $1, $2, 'owner', $3, 'desk', (SELECT created_by FROM discussion_session WHERE id = $1)
         ON CONFLICT (session_id, person_type, person_id) DO UPDATE SET left_at = NULL`,
        [c.sessionsA.live, c.unitA, c.ownerA],
      );
    },
    request: (c) => ({ path: `/api/sessions/${c.sessionsA.live}/departures`, body: { personType: 'owner', personId: c.ownerA } }),
  },
  'GET /api/sessions/:id/events': { session: (c) => c.sessionsA.live, request: (c) => ({ path: `/api/sessions/${c.sessionsA.live}/events` }) },
  'GET /api/sessions/:id/attendance': { session: (c) => c.sessionsA.live, request: (c) => ({ path: `/api/sessions/${c.sessionsA.live}/attendance` }) },

  'POST /api/sessions/:id/shortenings': {
    session: (c) => c.roomA.shortDraft,
    prepare: async (c) => void (await t.dataSource.query(`DELETE FROM session_shortening WHERE session_id = $1`, [c.roomA.shortDraft])),
    request: (c) => ({ path: `/api/sessions/${c.roomA.shortDraft}/shortenings`, body: { reason: SHORTENING_REASON } }),
  },
  'POST /api/sessions/:id/shortenings/decision': {
    session: (c) => c.roomA.shortDraft,
    prepare: async (c) => {
      await t.dataSource.query(`DELETE FROM session_shortening WHERE session_id = $1`, [c.roomA.shortDraft]);
      await t.dataSource.query(`INSERT INTO session_shortening (session_id, reason, requested_by) SELECT $1, $2, created_by FROM discussion_session WHERE id = $1`, [c.roomA.shortDraft, SHORTENING_REASON]);
    },
    request: (c) => ({ path: `/api/sessions/${c.roomA.shortDraft}/shortenings/decision`, body: { outcome: 'approved', note: '情况属实，同意' } }),
  },
  'PUT /api/sessions/:id/officers': {
    session: (c) => c.roomA.session,
    request: (c) => ({
      path: `/api/sessions/${c.roomA.session}/officers`,
      body: { chairId: c.roomA.officers.chair, recorderId: c.roomA.officers.recorder, tellerIds: [c.roomA.officers.teller], scrutineerIds: [c.roomA.officers.scrutineer] },
    }),
  },
  'GET /api/sessions/:id/officer-candidates': { session: (c) => c.roomA.session, request: (c) => ({ path: `/api/sessions/${c.roomA.session}/officer-candidates?q=0012` }) },
  'POST /api/sessions/:id/guests': { session: (c) => c.roomA.session, request: (c) => ({ path: `/api/sessions/${c.roomA.session}/guests`, body: { name: '社区 李主任', affiliation: '社区居委会' } }) },
  'POST /api/sessions/:id/guests/:guestId/check-in': {
    session: (c) => c.roomA.session,
    prepare: async (c) => void (await t.dataSource.query(`UPDATE session_guest SET checked_in_at = NULL, left_at = NULL WHERE id = $1`, [c.roomA.guest])),
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/guests/${c.roomA.guest}/check-in` }),
  },
  'POST /api/sessions/:id/guests/:guestId/departure': {
    session: (c) => c.roomA.session,
    prepare: async (c) => void (await t.dataSource.query(`UPDATE session_guest SET checked_in_at = now() - interval '1 minute', left_at = NULL WHERE id = $1`, [c.roomA.guest])),
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/guests/${c.roomA.guest}/departure` }),
  },
  'GET /api/sessions/:id/room': { session: (c) => c.roomA.session, request: (c) => ({ path: `/api/sessions/${c.roomA.session}/room` }) },
  'PUT /api/sessions/:id/room/current': { session: (c) => c.roomA.session, request: (c) => ({ path: `/api/sessions/${c.roomA.session}/room/current`, body: { itemId: c.roomA.freeItem } }) },
  'POST /api/sessions/:id/agenda/:itemId/room-voting/open': {
    session: (c) => c.roomA.session,
    prepare: async (c) => void (await t.dataSource.query(`UPDATE session_agenda_item SET room_opened_at = NULL, room_closed_at = NULL WHERE id = $1`, [c.roomA.voteItem])),
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/agenda/${c.roomA.voteItem}/room-voting/open` }),
  },
  'POST /api/sessions/:id/agenda/:itemId/room-voting/close': {
    session: (c) => c.roomA.session,
    prepare: async (c) => void (await t.dataSource.query(`UPDATE session_agenda_item SET room_opened_at = now() - interval '1 minute', room_closed_at = NULL WHERE id = $1`, [c.roomA.voteItem])),
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/agenda/${c.roomA.voteItem}/room-voting/close` }),
  },
  'POST /api/sessions/:id/agenda/:itemId/ballots': {
    session: (c) => c.roomA.session,
    prepare: async (c) => void (await t.dataSource.query(`UPDATE session_agenda_item SET room_opened_at = now() - interval '1 minute', room_closed_at = NULL WHERE id = $1`, [c.roomA.voteItem])),
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/agenda/${c.roomA.voteItem}/ballots`, body: { choice: 'approve' } }),
  },
  'GET /api/sessions/:id/agenda/:itemId/slips': { session: (c) => c.roomA.session, request: (c) => ({ path: `/api/sessions/${c.roomA.session}/agenda/${c.roomA.voteItem}/slips` }) },
  'POST /api/sessions/:id/agenda/:itemId/slips': {
    session: (c) => c.roomA.session,
    prepare: async (c) => {
      await t.dataSource.query(`UPDATE session_agenda_item SET room_opened_at = now() - interval '1 minute', room_closed_at = NULL WHERE id = $1`, [c.roomA.voteItem]);
      await t.dataSource.query(`DELETE FROM session_slip WHERE item_id = $1`, [c.roomA.voteItem]);
    },
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/agenda/${c.roomA.voteItem}/slips`, body: { personType: 'owner', personId: c.ownerA, choice: 'abstain' } }),
  },
  'POST /api/sessions/:id/agenda/:itemId/slips/:slipId/confirm': {
    session: (c) => c.roomA.session,
    prepare: async (c) => {
      await t.dataSource.query(`DELETE FROM session_slip WHERE item_id = $1`, [c.roomA.voteItem]);
      const [voter] = await t.dataSource.query<{ voter_id: string }[]>(`SELECT voter_id FROM vote_voter WHERE vote_id = $1 AND person_type = 'owner' AND person_id = $2`, [c.roomA.vote, c.ownerA]);
      const [slip] = await t.dataSource.query<{ id: string }[]>(
        `INSERT INTO session_slip (item_id, vote_id, voter_id, choice, entered_by) VALUES ($1, $2, $3, '"abstain"', $4) RETURNING id`,
        [c.roomA.voteItem, c.roomA.vote, voter!.voter_id, c.roomA.officers.teller],
      );
      c.roomA.slip = slip!.id;
    },
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/agenda/${c.roomA.voteItem}/slips/${c.roomA.slip}/confirm` }),
  },
  'POST /api/sessions/:id/agenda/:itemId/hands': {
    session: (c) => c.roomA.session,
    prepare: async (c) =>
      void (await t.dataSource.query(`UPDATE session_agenda_item SET hands_for = NULL, hands_against = NULL, hands_abstain = NULL, hands_by = NULL, hands_at = NULL WHERE id = $1`, [c.roomA.freeItem])),
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/agenda/${c.roomA.freeItem}/hands`, body: { for: 1, against: 0, abstain: 1 } }),
  },
  'PUT /api/sessions/:id/agenda/:itemId/gist': { session: (c) => c.roomA.session, request: (c) => ({ path: `/api/sessions/${c.roomA.session}/agenda/${c.roomA.freeItem}/gist`, body: { gist: '路灯坏了三盏。' } }) },
  'POST /api/sessions/:id/speakers/me': {
    session: (c) => c.roomA.session,
    prepare: async (c) => void (await t.dataSource.query(`DELETE FROM session_speech WHERE session_id = $1`, [c.roomA.session])),
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/speakers/me` }),
  },
  'POST /api/sessions/:id/speakers/me/withdraw': {
    session: (c) => c.roomA.session,
    prepare: async (c) => {
      await t.dataSource.query(`DELETE FROM session_speech WHERE session_id = $1`, [c.roomA.session]);
      await t.dataSource.query(`INSERT INTO session_speech (session_id, person_type, person_id, speaker_key, via) VALUES ($1, 'owner', $2, $3, 'phone')`, [c.roomA.session, c.roomA.owner, `owner:${c.roomA.owner}`]);
    },
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/speakers/me/withdraw` }),
  },
  'POST /api/sessions/:id/speakers': {
    session: (c) => c.roomA.session,
    prepare: async (c) => void (await t.dataSource.query(`DELETE FROM session_speech WHERE session_id = $1`, [c.roomA.session])),
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/speakers`, body: { personType: 'owner', personId: c.ownerA } }),
  },
  'POST /api/sessions/:id/speakers/next': { session: (c) => c.roomA.session, request: (c) => ({ path: `/api/sessions/${c.roomA.session}/speakers/next` }) },
  'GET /api/sessions/:id/minutes': { session: (c) => c.roomA.session, request: (c) => ({ path: `/api/sessions/${c.roomA.session}/minutes` }) },
  // Drafted on the live owners' meeting, whose drafts are never published here (a published version is kept for good).
  'POST /api/sessions/:id/minutes': {
    session: (c) => c.sessionsA.live,
    prepare: async (c) => void (await t.dataSource.query(`DELETE FROM session_minutes WHERE session_id = $1`, [c.sessionsA.live])),
    request: (c) => ({ path: `/api/sessions/${c.sessionsA.live}/minutes` }),
  },
  'PUT /api/sessions/:id/minutes': {
    session: (c) => c.roomA.session,
    prepare: async (c) => minutesOfRoom(c, 'open'),
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/minutes`, body: { body: '会议纪要（修订）' } }),
  },
  'POST /api/sessions/:id/minutes/confirm': {
    session: (c) => c.roomA.session,
    prepare: async (c) => minutesOfRoom(c, 'open'),
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/minutes/confirm` }),
  },
  'POST /api/sessions/:id/minutes/publish': {
    session: (c) => c.roomA.session,
    prepare: async (c) => minutesOfRoom(c, 'confirmed'),
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/minutes/publish` }),
  },
  'POST /api/sessions/:id/minutes/corrections': {
    session: (c) => c.roomA.session,
    prepare: async (c) => minutesOfRoom(c, 'published'),
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/minutes/corrections`, body: { reason: '更正列席人员' } }),
  },
  'GET /api/sessions/:id/follow-ups': { session: (c) => c.roomA.session, request: (c) => ({ path: `/api/sessions/${c.roomA.session}/follow-ups` }) },
  'POST /api/sessions/:id/follow-ups': {
    session: (c) => c.roomA.session,
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/follow-ups`, body: { itemId: c.roomA.freeItem, title: '清理落叶', responsible: '物业公司', dueOn: '2099-02-01' } }),
  },
  'POST /api/sessions/:id/follow-ups/:followUpId/updates': {
    session: (c) => c.roomA.session,
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/follow-ups/${c.roomA.followUp}/updates`, file: { name: 'lamp.jpg', bytes: PAPER_JPEG, fields: { state: 'in_progress', note: '施工中' } } }),
  },
  'GET /api/sessions/:id/follow-ups/:followUpId/photos/:fileId': {
    session: (c) => c.roomA.session,
    request: (c) => ({ path: `/api/sessions/${c.roomA.session}/follow-ups/${c.roomA.followUp}/photos/${c.roomA.photo}` }),
  },
  'POST /api/briefings/:id/attendance': { consultation: (c) => c.consultationA, request: (c) => ({ path: `/api/briefings/${c.briefingsA.open}/attendance`, body: { walkIns: 2 } }) },
};

/** The first bytes of a JPEG: enough for the upload's type sniffing. */
const PAPER_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);

/** A minimal PDF for the draft attachment cases. */
const DRAFT_PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

const DAY = 24 * 3600_000;

/**
 * Every demo account of apps/api/src/seed/demo-data.ts, and three more the issue needs: an
 * observer of 御水岸 with no other role, an account with no role at all. The 南村 member holds an
 * accepted proxy of a 御水岸 owner on the open and the counted vote (the proxy agent).
 */
const CALLERS = {
  admin: '13800000001',
  streetStaff: '13800000002',
  staffZhongqu: '13800000003',
  staffDaxu: '13800000004',
  convenorNancun: '13800000005',
  convenorYushuian: '13800000006',
  buildingHead: '13800000007',
  observerNancun: '13800000008',
  proxyAgentNancunMember: '13800000011',
  owner: '13800000012',
  coOwner: '13800000013',
  tenant: '13800000014',
  observerYushuian: '13700000008',
  noRole: '13700000009',
} as const;
type Caller = keyof typeof CALLERS;

type Verdict = 'allowed' | 'hidden' | 'forbidden' | 'unauthenticated';

let t: TestApp;

/**
 * Puts the room's minutes in the state a case needs without touching a published version (the
 * database keeps those as they are): a version open (a new one after the last published), open and
 * confirmed by the chair and a scrutineer, or the latest published.
 */
async function minutesOfRoom(c: Ctx, state: 'open' | 'confirmed' | 'published'): Promise<void> {
  const { session, officers } = c.roomA;
  const [latest] = await t.dataSource.query<{ id: string; version: number; published: boolean }[]>(
    `SELECT id, version, published_at IS NOT NULL AS published FROM session_minutes WHERE session_id = $1 ORDER BY version DESC LIMIT 1`,
    [session],
  );
  let open = latest && !latest.published ? latest.id : null;
  if (!open) {
    const version = (latest?.version ?? 0) + 1;
    [{ id: open }] = (await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO session_minutes (session_id, version, body, correction_reason, edited_by) VALUES ($1, $2, '会议纪要', $3, $4) RETURNING id`,
      [session, version, version === 1 ? null : '更正', officers.recorder],
    )) as [{ id: string }];
  }
  const confirmed = state !== 'open';
  await t.dataSource.query(
    `UPDATE session_minutes SET chair_confirmed_by = $2, chair_confirmed_at = CASE WHEN $4 THEN now() END, scrutineer_confirmed_by = $3, scrutineer_confirmed_at = CASE WHEN $4 THEN now() END,
            published_at = CASE WHEN $5 THEN now() END
      WHERE id = $1`,
    [open, confirmed ? officers.chair : null, confirmed ? officers.scrutineer : null, confirmed, state === 'published'],
  );
}

/** The id of `phone`'s grant of `role` on `nodeId`, granted now if it is not there. */
async function grantOf(phone: string, nodeId: string, role: Role): Promise<string> {
  const [user] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE phone = $1`, [phone]);
  const find = async (): Promise<string | undefined> =>
    (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM role_grant WHERE user_id = $1 AND node_id = $2 AND role = $3`, [user!.id, nodeId, role]))[0]?.id;
  const existing = await find();
  if (existing) return existing;
  await grant(t.dataSource, user!.id, nodeId, role);
  return (await find())!;
}

let staffOfA: HttpSession;

async function attachToDraftA(c: Ctx, version: number, title: string): Promise<string> {
  return (await upload<{ fileId: string }>(staffOfA, `/api/consultations/${c.draftsA}/versions/${version}/attachments`, { name: 'plan.pdf', bytes: DRAFT_PDF, fields: { title } })).body.fileId;
}

/** The request of a case: JSON, or a multipart upload when the case has a file. */
function send(session: HttpSession, method: string, request: Request): Promise<ApiResponse<ErrorBody>> {
  if (request.file) return upload<ErrorBody>(session, request.path, request.file);
  return session.request<ErrorBody>(method, request.path, method === 'GET' ? undefined : (request.body ?? {}));
}

/** How HTTP answered, in the words of the verdicts. */
function outcome(res: ApiResponse<ErrorBody>, action: Action | null): Verdict | 'error' {
  const body = typeof res.body === 'object' && res.body !== null ? res.body : ({} as Partial<ErrorBody>);
  if (res.status >= 500) return 'error';
  if (res.status === 401) return 'unauthenticated';
  if (res.status === 404 && body.code === 'NOT_FOUND') return 'hidden';
  if (res.status === 403 && body.code === 'FORBIDDEN' && body.details?.['action'] !== undefined) return body.details['action'] === action ? 'forbidden' : 'error';
  if (res.status === 404) return 'error';
  return 'allowed';
}

function describeAnswer(res: ApiResponse<ErrorBody>): string {
  return `${res.status} ${JSON.stringify(res.body).slice(0, 140)}`;
}

describe('access rules across the whole route table', () => {
  let routes: RouteInfo[];
  let ctx: Ctx;
  const sessions = {} as Record<Caller, HttpSession>;
  const userIds = {} as Record<Caller, string>;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource);
    routes = routeTable(t.app);
    const q = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await t.dataSource.query<T[]>(sql, params))[0]!;
    const a = await q<{ unit: string; community: string }>(`SELECT id AS unit, parent_id AS community FROM org_node WHERE code = 'yushuian'`);
    await createAccount(t.dataSource, CALLERS.observerYushuian, '御水岸监督员');
    await createAccount(t.dataSource, CALLERS.noRole, '无角色用户');
    await grantOf(CALLERS.observerYushuian, a.unit, 'observer');
    const granteePhone = '13700000010';
    await createAccount(t.dataSource, granteePhone, '受托人');
    await createAccount(t.dataSource, '13700000011', '被冒用者');
    for (const [caller, phone] of Object.entries(CALLERS) as [Caller, string][]) {
      sessions[caller] = await signIn(t.dataSource, t.baseUrl, phone);
      userIds[caller] = (await q<{ id: string }>(`SELECT id FROM app_user WHERE phone = $1`, [phone])).id;
    }
    staffOfA = sessions.staffDaxu;
    ctx = {
      unitA: a.unit,
      communityA: a.community,
      buildingA: (await q<{ id: string }>(`SELECT id FROM building WHERE unit_id = $1 AND name = '1栋'`, [a.unit])).id,
      ownerA: (await q<{ id: string }>(`SELECT id FROM owner WHERE unit_id = $1 AND kind = 'person' AND user_id IS NULL ORDER BY name LIMIT 1`, [a.unit])).id,
      linkedOwnerA: (await q<{ id: string }>(`SELECT id FROM owner WHERE unit_id = $1 AND kind = 'person' AND user_id IS NULL ORDER BY name DESC LIMIT 1`, [a.unit])).id,
      grantA: '',
      cooperativeA: (await q<{ id: string }>(`INSERT INTO org_node (kind, code, name, parent_id) VALUES ('cooperative', 'daxu-coop', '大圩经济社', $1) RETURNING id`, [a.community])).id,
      importA: '',
      rollFileA: Buffer.alloc(0),
      consultationA: '',
      votesA: { scheduled: '', toCancel: '', open: '', closed: '', objection: '', toShorten: '', shortening: '' },
      voteFileA: '',
      commentsA: { consultation: '', comment: '', toHide: '', hidden: '' },
      draftsA: '',
      draftAttachmentA: '',
      draftAttachmentToRemoveA: '',
      draftsNewA: '',
      draftsToPublishA: '',
      topicsA: { open: '', offline: '', photo: '', toAccept: '', toMerge: '', toDecline: '' },
      briefingsA: { open: '', toCancel: '' },
      sessionsA: { draft: '', live: '', item: '', items: [], agent: '' },
      missingVoterA: '',
      roomA: { shortDraft: '', session: '', vote: '', voteItem: '', freeItem: '', owner: '', guest: '', slip: '', followUp: '', photo: '', officers: { chair: '', recorder: '', teller: '', scrutineer: '' } },
      papersA: { vote: '', voter: '', issued: 0, toEnter: 0, disputed: 0, toVoid: 0, toReissue: 0, principal: '', proxy: '', meeting: '', meetingUnit: '', member: '' },
      granteePhone,
    };
    ctx.rollFileA = (await download(staffOfA, `/api/units/${a.unit}/roll/export?format=csv`)).bytes;
    ctx.importA = (await upload<{ importId: string }>(staffOfA, `/api/units/${a.unit}/roll/imports`, { name: 'roll.csv', bytes: ctx.rollFileA })).body.importId;
    ctx.consultationA = (await staffOfA.post<{ id: string }>(`/api/nodes/${a.unit}/consultations`, { title: '御水岸议事', ruleSet: 'cc278-ordinary' })).body.id;
    // Votes of A in each state the routes need: announced by A's staff to open at once, each early
    // opening approved by the street's staff (A's staff announced them, so they may not approve);
    // the 南村 member holds a written proxy of a 御水岸 owner on the open and the counted one.
    const streetStaff = sessions.streetStaff;
    const vote = async (closesInMs: number, by = staffOfA, attachments: { fileId: string; title: string }[] = []): Promise<string> =>
      (
        await by.post<{ id: string }>(`/api/units/${a.unit}/votes`, {
          title: '表决',
          question: '是否同意？',
          ruleSet: 'cc278-ordinary',
          matterKinds: ['owners-other'],
          opensAt: new Date().toISOString(),
          closesAt: new Date(Date.now() + closesInMs).toISOString(),
          shorteningReason: SHORTENING_REASON,
          attachments,
        })
      ).body.id;
    const owners = async (voteId: string): Promise<string[]> =>
      (
        await t.dataSource.query<{ voter_id: string }[]>(
          `SELECT v.voter_id FROM vote_voter v JOIN owner o ON v.person_type = 'owner' AND o.id = v.person_id WHERE v.vote_id = $1 AND o.user_id IS NULL AND o.kind = 'person' ORDER BY v.voter_id`,
          [voteId],
        )
      ).map((r) => r.voter_id);
    const proxyForNancunMember = async (voteId: string): Promise<void> => {
      const res = await upload(staffOfA, `/api/votes/${voteId}/proxies`, {
        name: '委托书.jpg',
        bytes: PAPER_JPEG,
        fields: { principalVoterId: (await owners(voteId))[0]!, agentPhone: CALLERS.proxyAgentNancunMember, written: 'true' },
      });
      expect(res.status).toBe(201);
    };
    const approve = async (voteId: string): Promise<void> => {
      const pending = (await staffOfA.get<{ shortening: { id: string } }>(`/api/votes/${voteId}`)).body.shortening.id;
      await streetStaff.post(`/api/shortenings/${pending}/decision`, { outcome: 'approved', note: '已核实，同意' });
    };
    ctx.votesA.scheduled = await vote(8 * DAY);
    await approve(ctx.votesA.scheduled);
    ctx.votesA.toCancel = await vote(8 * DAY);
    ctx.voteFileA = (await upload<{ fileId: string }>(staffOfA, `/api/units/${a.unit}/vote-attachments`, { name: 'quote.pdf', bytes: DRAFT_PDF })).body.fileId;
    ctx.votesA.open = await vote(8 * DAY, staffOfA, [{ fileId: ctx.voteFileA, title: '报价单' }]);
    await openWithApproval(staffOfA, streetStaff, ctx.votesA.open);
    await proxyForNancunMember(ctx.votesA.open);
    ctx.votesA.closed = await vote(2 * 3600_000);
    await openWithApproval(staffOfA, streetStaff, ctx.votesA.closed);
    await proxyForNancunMember(ctx.votesA.closed);
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
    const convenorA = sessions.convenorYushuian;
    ctx.votesA.shortening = (await convenorA.get<{ shortening: { id: string } }>(`/api/votes/${await vote(8 * DAY, convenorA)}`)).body.shortening.id;
    ctx.votesA.objection = (await sessions.owner.post<{ id: string }>(`/api/votes/${ctx.votesA.closed}/objections`, { body: '有异议' })).body.id;
    await publishSimpleVersion(t, ctx.consultationA, CALLERS.staffDaxu);
    await staffOfA.post(`/api/consultations/${ctx.consultationA}/phase`, { to: 'comment' });
    // Comments: a consultation of A that stays in its comment phase, with a resident's comments, one of them hidden.
    const commentsOfA = (await staffOfA.post<{ id: string }>(`/api/nodes/${a.unit}/consultations`, { title: '御水岸意见征集', ruleSet: 'cc278-ordinary' })).body.id;
    await publishSimpleVersion(t, commentsOfA, CALLERS.staffDaxu);
    await staffOfA.post(`/api/consultations/${commentsOfA}/phase`, { to: 'comment' });
    const commentOfA = async (body: string): Promise<string> => (await sessions.owner.post<{ id: string }>(`/api/consultations/${commentsOfA}/comments`, { body })).body.id;
    ctx.commentsA = { consultation: commentsOfA, comment: await commentOfA('整体同意'), toHide: await commentOfA('待隐藏的意见'), hidden: await commentOfA('已隐藏的意见') };
    await staffOfA.post(`/api/comments/${ctx.commentsA.hidden}/hide`, { reason: '重复内容' });
    // Drafts: versions 1 and 2 published (the attachment carried from 1 to 2), open for comments; version 3 being edited.
    const openA = async (title: string): Promise<string> => (await staffOfA.post<{ id: string }>(`/api/nodes/${a.unit}/consultations`, { title, ruleSet: 'cc278-ordinary' })).body.id;
    const oneClause = { title: '御水岸草案', clauses: [{ body: '第一条 正文。' }] };
    ctx.draftsA = await openA('御水岸草案');
    await staffOfA.post(`/api/consultations/${ctx.draftsA}/versions`);
    await staffOfA.request('PUT', `/api/consultations/${ctx.draftsA}/versions/1`, oneClause);
    ctx.draftAttachmentA = await attachToDraftA(ctx, 1, '规划图');
    await staffOfA.post(`/api/consultations/${ctx.draftsA}/versions/1/publish`);
    await staffOfA.post(`/api/consultations/${ctx.draftsA}/phase`, { to: 'comment' });
    await staffOfA.post(`/api/consultations/${ctx.draftsA}/versions`);
    await staffOfA.request('PUT', `/api/consultations/${ctx.draftsA}/versions/2`, { title: '御水岸草案（修订稿）', changeNote: '按业主意见修改第一条', clauses: [{ body: '第一条 修订后的正文。' }] });
    await staffOfA.post(`/api/consultations/${ctx.draftsA}/versions/2/publish`);
    await staffOfA.post(`/api/consultations/${ctx.draftsA}/versions`);
    ctx.draftsNewA = await openA('御水岸新议事');
    ctx.draftsToPublishA = await openA('御水岸待发布草案');
    await staffOfA.post(`/api/consultations/${ctx.draftsToPublishA}/versions`);
    await staffOfA.request('PUT', `/api/consultations/${ctx.draftsToPublishA}/versions/1`, oneClause);
    // Topics of compound A (the co-owner's, and one staff recorded offline with a photo of the paper) and briefings.
    const topicOfA = async (title: string): Promise<string> => (await sessions.coOwner.post<{ id: string }>(`/api/units/${a.unit}/topics`, { title })).body.id;
    for (const key of ['open', 'toAccept', 'toMerge', 'toDecline'] as const) ctx.topicsA[key] = await topicOfA(`御水岸议题 ${key}`);
    ctx.topicsA.offline = (
      await staffOfA.post<{ id: string }>(`/api/units/${a.unit}/topics/offline`, { channel: 'suggestion_box', title: '意见箱纸条', collectorName: '楼长', collectedOn: '2026-01-05', anonymous: true })
    ).body.id;
    ctx.topicsA.photo = (await upload<{ photos: { fileId: string }[] }>(staffOfA, `/api/topics/${ctx.topicsA.offline}/photos`, { name: 'paper.jpg', bytes: PAPER_JPEG })).body.photos[0]!.fileId;
    const briefingOfA = async (): Promise<string> =>
      (await staffOfA.post<{ id: string }>(`/api/consultations/${ctx.consultationA}/briefings`, { startsAt: '2099-01-01T01:00:00Z', endsAt: '2099-01-01T03:00:00Z', place: '御水岸会所', capacity: 20 }))
        .body.id;
    ctx.briefingsA = { open: await briefingOfA(), toCancel: await briefingOfA() };
    const sessionOfA = async (kind: string): Promise<string> =>
      (await staffOfA.post<{ id: string }>(`/api/nodes/${a.unit}/sessions`, { kind, title: '御水岸议事会', place: '党群服务站', startsAt: '2099-01-01T01:00:00Z', endsAt: '2099-01-01T03:00:00Z' })).body.id;
    // The live one is an owners' meeting (its notice taken as run): proxies count there.
    ctx.sessionsA = { draft: await sessionOfA('consultative'), live: await sessionOfA('owners_meeting'), item: '', items: [], agent: '' };
    ctx.sessionsA.item = (await staffOfA.post<{ agenda: { id: string }[] }>(`/api/sessions/${ctx.sessionsA.live}/agenda`, { kind: 'free', title: '其他事项' })).body.agenda[0]!.id;
    await t.dataSource.query(
      `UPDATE discussion_session SET status = 'announced', announced_at = now() - interval '1 day', notice_ends_at = now() - interval '1 day', starts_at = now(), ends_at = now() + interval '1 day' WHERE id = $1`,
      [ctx.sessionsA.live],
    );
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
    await upload(sessions.convenorYushuian, `/api/votes/${ctx.papersA.vote}/papers/${ctx.papersA.disputed}/entries`, { name: 'paper.jpg', bytes: PAPER_JPEG, fields: { choice: 'approve' } });
    await upload(sessions.streetStaff, `/api/votes/${ctx.papersA.vote}/papers/${ctx.papersA.disputed}/entries`, { name: 'paper.jpg', bytes: PAPER_JPEG, fields: { choice: 'oppose' } });
    ctx.papersA.proxy = (
      await upload<{ id: string }>(staffOfA, `/api/votes/${ctx.papersA.vote}/proxies`, { name: '委托书.jpg', bytes: PAPER_JPEG, fields: { principalVoterId: paperVoters[6]!, agentPhone: CALLERS.tenant, written: 'true' } })
    ).body.id;
    const meetingUnit = await createCooperative(t.dataSource, { code: 'daxu-coop-2', name: '大圩第二经济社', parent: 'daxu', households: [{ number: 'DX-001', members: [{ key: 'head', name: '黄一', birthDate: '1970-01-01' }] }] });
    ctx.papersA.meetingUnit = meetingUnit.unitId;
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

    // The room of A: a consultative session sitting now. Its officers hold no role that runs sessions
    // (a co-owner chairs, an owner records, the building head tells, an observer scrutinises): the
    // officer exception lets them through, the service asks for the role each action needs.
    ctx.missingVoterA = (await q<{ voter_id: string }>(`SELECT voter_id FROM vote_voter WHERE vote_id = $1 AND group_label = '1栋' ORDER BY voter_id LIMIT 1`, [ctx.votesA.open])).voter_id;
    const room = ctx.roomA;
    room.vote = await vote(8 * DAY);
    await openWithApproval(staffOfA, streetStaff, room.vote);
    room.session = await sessionOfA('consultative');
    // An owners' meeting in two days: its fifteen days of notice need a supervisor's approval.
    room.shortDraft = (
      await staffOfA.post<{ id: string }>(`/api/nodes/${a.unit}/sessions`, {
        kind: 'owners_meeting',
        title: '御水岸业主大会会议',
        place: '党群服务站',
        startsAt: new Date(Date.now() + 2 * DAY).toISOString(),
        endsAt: new Date(Date.now() + 2 * DAY + 3 * 3600_000).toISOString(),
      })
    ).body.id;
    room.voteItem = (await staffOfA.post<{ agenda: { id: string }[] }>(`/api/sessions/${room.session}/agenda`, { kind: 'vote', voteId: room.vote })).body.agenda[0]!.id;
    room.freeItem = (await staffOfA.post<{ agenda: { id: string }[] }>(`/api/sessions/${room.session}/agenda`, { kind: 'free', title: '路灯' })).body.agenda[1]!.id;
    await t.dataSource.query(
      `UPDATE discussion_session SET status = 'announced', announced_at = now() - interval '1 day', notice_ends_at = now() - interval '1 day', starts_at = now() - interval '1 minute', ends_at = now() + interval '1 day' WHERE id = $1`,
      [room.session],
    );
    const userOf = async (caller: Caller): Promise<string> => (await q<{ id: string }>(`SELECT id FROM app_user WHERE phone = $1`, [CALLERS[caller]])).id;
    room.officers = { chair: await userOf('coOwner'), recorder: await userOf('owner'), teller: await userOf('buildingHead'), scrutineer: await userOf('observerYushuian') };
    for (const [role, user] of Object.entries(room.officers)) await t.dataSource.query(`INSERT INTO session_officer (session_id, user_id, role) VALUES ($1, $2, $3)`, [room.session, user, role]);
    room.owner = (await q<{ id: string }>(`SELECT o.id FROM owner o JOIN vote_voter v ON v.vote_id = $2 AND v.person_type = 'owner' AND v.person_id = o.id WHERE o.user_id = $1 AND o.unit_id = $3`, [room.officers.recorder, room.vote, a.unit])).id;
    for (const person of [room.owner, ctx.ownerA]) {
      await t.dataSource.query(`INSERT INTO session_attendance (session_id, unit_id, person_type, person_id, method, checked_in_by) VALUES ($1, $2, 'owner', $3, 'desk', $4)`, [room.session, a.unit, person, room.officers.teller]);
    }
    room.guest = (await staffOfA.post<{ id: string }[]>(`/api/sessions/${room.session}/guests`, { name: '物业 王经理' })).body[0]!.id;
    room.followUp = (await staffOfA.post<{ id: string }[]>(`/api/sessions/${room.session}/follow-ups`, { itemId: room.freeItem, title: '修路灯', responsible: '物业公司', dueOn: '2099-01-01' })).body[0]!.id;
    room.photo = (
      await upload<{ updates: { photoIds: string[] }[] }[]>(staffOfA, `/api/sessions/${room.session}/follow-ups/${room.followUp}/updates`, { name: 'lamp.jpg', bytes: PAPER_JPEG, fields: { state: 'in_progress', note: '已采购' } })
    ).body[0]!.updates[0]!.photoIds[0]!;
  }, 120_000);
  afterAll(() => t.close());

  // --- What the declaration and can() say -------------------------------------------------------

  const ancestries = new Map<string, string[]>();
  async function ancestryOf(nodeId: string): Promise<string[]> {
    if (!ancestries.has(nodeId)) {
      const rows = await t.dataSource.query<{ id: string }[]>(
        `WITH RECURSIVE path AS (SELECT id, parent_id, 1 AS depth FROM org_node WHERE id = $1
                                 UNION ALL SELECT o.id, o.parent_id, path.depth + 1 FROM org_node o JOIN path ON o.id = path.parent_id)
         SELECT id FROM path ORDER BY depth`,
        [nodeId],
      );
      ancestries.set(nodeId, rows.map((r) => r.id));
    }
    return ancestries.get(nodeId)!;
  }

  async function grantsOf(caller: Caller): Promise<Grant[]> {
    const rows = await t.dataSource.query<{ role: Role; node_id: string; building_id: string | null }[]>(`SELECT role, node_id, building_id FROM role_grant WHERE user_id = $1`, [userIds[caller]]);
    return rows.map((r) => ({ role: r.role, nodeId: r.node_id, buildingId: r.building_id }));
  }

  /** Whether the caller stands to the case's target as the exception says, read from the tables the way the residents' pages read them. */
  async function standsAs(caller: Caller, exception: AccessException, c: Case): Promise<boolean> {
    const user = userIds[caller];
    switch (exception) {
      case 'voter': {
        if (!c.vote) return false;
        const rows = await t.dataSource.query<unknown[]>(
          `SELECT 1 FROM vote_voter v
             LEFT JOIN owner o ON v.person_type = 'owner' AND o.id = v.person_id
             LEFT JOIN member mb ON v.person_type = 'member' AND mb.id = v.person_id
            WHERE v.vote_id = $1 AND coalesce(o.user_id, mb.user_id) = $2`,
          [c.vote(ctx), user],
        );
        return rows.length > 0;
      }
      case 'proxyAgent': {
        if (!c.vote) return false;
        const rows = await t.dataSource.query<unknown[]>(`SELECT 1 FROM proxy_authorization WHERE vote_id = $1 AND agent_user_id = $2 AND status = 'accepted' AND revoked_at IS NULL`, [c.vote(ctx), user]);
        return rows.length > 0;
      }
      case 'author': {
        if (!c.topic) return false;
        const rows = await t.dataSource.query<unknown[]>(`SELECT 1 FROM topic WHERE id = $1 AND author_id = $2`, [c.topic(ctx), user]);
        return rows.length > 0;
      }
      case 'sessionOfficer': {
        if (!c.session) return false;
        const rows = await t.dataSource.query<unknown[]>(`SELECT 1 FROM session_officer WHERE session_id = $1 AND user_id = $2`, [c.session(ctx), user]);
        return rows.length > 0;
      }
    }
  }

  /**
   * The verdict the route's declaration gives this caller on this case's target: `can()` on the
   * target's node (every consultation here is opened on compound A and concerns it alone, so the
   * node it is run from and the unit it concerns are one); a consultation in its draft phase is
   * seen only by those who may manage it; the declared exceptions let their people through.
   */
  async function expected(caller: Caller, rule: Extract<AccessRule, { kind: 'permission' }>, c: Case, request: Request): Promise<Verdict> {
    const grants = await grantsOf(caller);
    const ancestry = await ancestryOf(c.node ? c.node(ctx) : ctx.unitA);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const query = Object.fromEntries(new URLSearchParams(request.path.split('?')[1] ?? ''));
    const from = rule.buildingFrom;
    const buildingId = from ? ((('body' in from ? body[from.body] : query[from.query]) as string | undefined) ?? null) : undefined;
    let hidden = !hasAnyRole(grants, { ancestry });
    if (!hidden && c.consultation) {
      const [row] = await t.dataSource.query<{ phase: string }[]>(`SELECT phase FROM consultation WHERE id = $1`, [c.consultation(ctx)]);
      if (row!.phase === 'draft' && !can(grants, 'consultation.manage', { ancestry })) hidden = true;
    }
    if (!hidden && c.session) {
      const [row] = await t.dataSource.query<{ status: string }[]>(`SELECT status FROM discussion_session WHERE id = $1`, [c.session(ctx)]);
      if (row!.status === 'draft' && !can(grants, 'consultation.manage', { ancestry })) hidden = true;
    }
    if (!hidden && can(grants, rule.action, { ancestry, buildingId })) return 'allowed';
    for (const exception of rule.allow ?? []) if (await standsAs(caller, exception, c)) return 'allowed';
    return hidden ? 'hidden' : 'forbidden';
  }

  // --- The tests --------------------------------------------------------------------------------

  it('finds the routes it walks', () => {
    expect(routes.length).toBeGreaterThanOrEqual(15);
    expect(routes.map((r) => r.key)).toContain('GET /api/organizations/tree');
  });

  it('has an access rule on every route', () => {
    expect(routes.filter((r) => !r.rule).map((r) => `${r.key} (${r.handler})`)).toEqual([]);
  });

  it('has a case here for every route that is not public, naming what a permission route is about', () => {
    const missing = routes.filter((r) => r.rule?.kind !== 'public' && !CASES[r.key]).map((r) => r.key);
    expect(missing).toEqual([]);
    const stale = Object.keys(CASES).filter((key) => !routes.some((r) => r.key === key));
    expect(stale).toEqual([]);
    const mismatched = routes.filter((r) => CASES[r.key] && (r.rule?.kind === 'signed-in') !== 'self' in CASES[r.key]!).map((r) => r.key);
    expect(mismatched).toEqual([]);
  });

  it('declares every permission on a parameter of its route, with exceptions its kind of target answers', () => {
    const wrong: string[] = [];
    for (const route of routes) {
      if (route.rule?.kind !== 'permission') continue;
      const { param, on, allow } = route.rule;
      if (!route.path.split('/').includes(`:${param}`)) wrong.push(`${route.key}: no parameter :${param}`);
      for (const exception of allow ?? []) if (!EXCEPTIONS_OF[on].includes(exception)) wrong.push(`${route.key}: a ${on} has no ${exception}`);
      const c = CASES[route.key];
      if (c && !('self' in c) && allow?.some((e) => e === 'voter' || e === 'proxyAgent') && !c.vote) wrong.push(`${route.key}: the case names no vote for its exceptions`);
      if (c && !('self' in c) && allow?.includes('sessionOfficer') && !c.session) wrong.push(`${route.key}: the case names no session for its exception`);
      if (c && !('self' in c) && allow?.includes('author') && !c.topic) wrong.push(`${route.key}: the case names no topic for its exception`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 401 to an anonymous caller on every route that is not public', async () => {
    const anonymous = new HttpSession(t.baseUrl);
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.rule?.kind !== 'public')) {
      const c = CASES[route.key];
      if (c && !('self' in c)) await c.prepare?.(ctx);
      const request = c && !('self' in c) ? c.request(ctx) : { path: route.path.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000') };
      const res = await send(anonymous, route.method, request);
      if (res.status !== 401 || res.body.code !== 'UNAUTHENTICATED') wrong.push(`${route.key} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 400, never 500, when the id that names the target is not one', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      if (route.rule?.kind !== 'permission') continue;
      const c = CASES[route.key]!;
      if ('self' in c) continue;
      await c.prepare?.(ctx);
      const request = c.request(ctx);
      const at = route.path.split('/').indexOf(`:${route.rule.param}`);
      const [path, query] = request.path.split('?');
      const segments = path!.split('/');
      segments[at] = 'not-a-uuid';
      const res = await send(sessions.admin, route.method, { ...request, path: `${segments.join('/')}${query ? `?${query}` : ''}` });
      if (res.status !== 400) wrong.push(`${route.key} → ${describeAnswer(res)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('takes an objection to a counted result from its electorate and the supervisory roles only, and lets a proxy agent see only what they cast with', async () => {
    const path = `/api/votes/${ctx.votesA.closed}`;
    const object = (caller: Caller): Promise<ApiResponse<ErrorBody>> => sessions[caller].post<ErrorBody>(`${path}/objections`, { body: '对结果有异议' });
    // The result page says who may object, so nobody writes an objection only to see it refused.
    const canObject = async (caller: Caller): Promise<boolean> => (await sessions[caller].get<{ canObject: boolean }>(`${path}/result`)).body.canObject;
    expect(await canObject('tenant')).toBe(false);
    expect(await canObject('owner')).toBe(true);
    expect(await canObject('observerYushuian')).toBe(false);
    // The tenant of 1-301 is of the compound but not of the owners' electorate.
    expect((await object('tenant')).status).toBe(403);
    // A 南村 member holding a 御水岸 owner's proxy: a proxy is for casting, and 御水岸 is not theirs.
    expect((await object('proxyAgentNancunMember')).status).toBe(404);
    expect((await object('noRole')).status).toBe(404);
    // An observer with no other role reads everything and changes nothing: no objection by that role.
    expect((await object('observerYushuian')).status).toBe(403);
    // An owner on the frozen electorate, and the community staff supervising the compound.
    expect((await object('owner')).status).toBe(201);
    expect((await object('staffDaxu')).status).toBe(201);
    // The agent reads the vote they cast in and casts; its result, objections and proxy list stay with the compound.
    const agent = sessions.proxyAgentNancunMember;
    expect((await agent.get(`/api/votes/${ctx.votesA.open}`)).status).toBe(200);
    expect((await agent.post(`/api/votes/${ctx.votesA.open}/ballots`, { choice: 'abstain' })).status).toBe(200);
    for (const route of ['result', 'objections', 'proxies', 'turnout']) expect([route, (await agent.get(`${path}/${route}`)).status]).toEqual([route, 404]);
  });

  it('casts in another unit’s vote only with a role or a proxy there: 404 to everyone else, 403 not_eligible to the unit’s people off the electorate', async () => {
    const cast = (caller: Caller): Promise<ApiResponse<ErrorBody>> => sessions[caller].post<ErrorBody>(`/api/votes/${ctx.votesA.open}/ballots`, { choice: 'approve' });
    for (const caller of ['noRole', 'staffZhongqu', 'convenorNancun', 'observerNancun'] as const) expect([caller, (await cast(caller)).status]).toEqual([caller, 404]);
    const tenant = await cast('tenant');
    expect(tenant.status).toBe(403);
    expect(tenant.body.details).toMatchObject({ reason: 'not_eligible' });
  });

  it('lets exactly those through whom the declaration and can() admit, on every route, for every demo role', async () => {
    const wrong: string[] = [];
    const verdicts: Record<Verdict, number> = { allowed: 0, hidden: 0, forbidden: 0, unauthenticated: 0 };
    const callers = Object.keys(CALLERS) as Caller[];
    for (const route of routes) {
      const rule = route.rule;
      if (!rule || rule.kind === 'public') continue;
      const c = CASES[route.key]!;
      if ('self' in c) continue;
      if (rule.kind !== 'permission') throw new Error(`${route.key}: a case for a route that declares no permission`);
      let succeeded = false;
      const check = async (caller: Caller): Promise<void> => {
        await c.prepare?.(ctx);
        const request = c.request(ctx);
        const want = await expected(caller, rule, c, request);
        const res = await send(sessions[caller], route.method, request);
        const got = outcome(res, rule.action);
        verdicts[want] += 1;
        succeeded ||= res.status < 300;
        if (got !== want) wrong.push(`${route.key} as ${caller}: expected ${want}, got ${describeAnswer(res)}`);
      };
      // Reads change nothing: every caller at once. Writes one after the other, each on the state the previous one left.
      if (route.method === 'GET') await Promise.all(callers.map(check));
      else for (const caller of callers) await check(caller);
      // The request itself is sound: someone it is meant for gets it done.
      if (!succeeded) wrong.push(`${route.key}: nobody succeeded`);
    }
    // Every kind of answer occurs, many times over (a walk where everyone is let through, or nobody, proves nothing).
    expect(verdicts.allowed).toBeGreaterThan(300);
    expect(verdicts.hidden).toBeGreaterThan(300);
    expect(verdicts.forbidden).toBeGreaterThan(100);
    // Last, the routes about the caller's own account: any signed-in caller may (on a session of its own: logging out everywhere ends them all).
    for (const route of routes.filter((r) => r.rule?.kind === 'signed-in')) {
      for (const caller of callers) {
        const res = await send(await signIn(t.dataSource, t.baseUrl, CALLERS[caller]), route.method, { path: route.path, body: {} });
        if (outcome(res, null) !== 'allowed') wrong.push(`${route.key} as ${caller}: expected allowed, got ${describeAnswer(res)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);
});
