import type { INestApplicationContext } from '@nestjs/common';
import { LEGAL_TIME_ZONE } from '@yishi/contracts';
import { calendarDateIn, DAY_MS, HOUR_MS, RULE_SETS } from '@yishi/domain';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { hashPassword } from '../auth/password-hash';
import { BriefingsService } from '../briefings/briefings.service';
import { CommentsService } from '../comments/comments.service';
import { ModerationService } from '../comments/moderation.service';
import type { Actor } from '../common/actor';
import { ConsultationsService } from '../consultations/consultations.service';
import { DraftsService } from '../consultations/drafts.service';
import { SessionOfficersService } from '../sessions/session-officers.service';
import { SessionsService } from '../sessions/sessions.service';
import { TopicsService } from '../topics/topics.service';
import { OrgNode } from '../organizations/entities/org-node.entity';
import { Building } from '../rolls/entities/building.entity';
import { ExclusiveUnit } from '../rolls/entities/exclusive-unit.entity';
import { Household } from '../rolls/entities/household.entity';
import { Member } from '../rolls/entities/member.entity';
import { Owner } from '../rolls/entities/owner.entity';
import { Ownership } from '../rolls/entities/ownership.entity';
import { RollRevision } from '../rolls/entities/roll-revision.entity';
import { Tenant } from '../rolls/entities/tenant.entity';
import { RoleGrant } from '../users/entities/role-grant.entity';
import { User } from '../users/entities/user.entity';
import { VotesService } from '../votes/lifecycle/votes.service';
import type { DemoActivity, DemoData } from './demo-data';
import { buildDemoData, DEMO_ACTIVITY, DEMO_PASSWORD, STREET } from './demo-data';
import { lockForTransaction } from '../database/advisory-lock';

/** Any fixed number shared by every instance, so two starting together seed once. */
const SEED_LOCK = 7_301_944_128_002;

export interface SeedResult {
  seeded: boolean;
  counts: Record<string, number>;
}


/**
 * Writes the demo street once: its people and rolls in one transaction. When the street already
 * exists nothing is touched, so restarting never duplicates or overwrites what people changed
 * since. Given the running app (as at start-up), the instance that wrote the street then also
 * sets its life going — a consultation open for comment, an open vote, a vote announced — through
 * the API's own services (see seedDemoActivity); given only a DataSource, just the street.
 */
export async function seedDemoData(source: DataSource | INestApplicationContext, data: DemoData = buildDemoData()): Promise<SeedResult> {
  const app = source instanceof DataSource ? null : source;
  const dataSource = app ? app.get(DataSource) : (source as DataSource);
  const result = await seedDemoStreet(dataSource, data);
  if (result.seeded && app) Object.assign(result.counts, await seedDemoActivity(app));
  return result;
}

async function seedDemoStreet(dataSource: DataSource, data: DemoData): Promise<SeedResult> {
  return dataSource.transaction(async (m) => {
    await lockForTransaction(m, SEED_LOCK);
    if (await m.getRepository(OrgNode).existsBy({ code: STREET })) {
      return { seeded: false, counts: {} };
    }
    const counts = await writeDemoData(m, data);
    await m.getRepository(AuditEntry).insert({
      actorId: null,
      nodeId: (await m.getRepository(OrgNode).findOneByOrFail({ code: STREET })).id,
      action: 'seed.demo_data',
      entityType: 'org_node',
      entityId: STREET,
      before: null,
      after: counts,
      requestId: null,
    });
    return { seeded: true, counts };
  });
}

async function writeDemoData(m: EntityManager, data: DemoData): Promise<Record<string, number>> {
  const nodeIds = new Map<string, string>();
  for (const node of data.nodes) {
    const saved = await m.getRepository(OrgNode).save({
      code: node.code,
      kind: node.kind,
      name: node.name,
      parentId: node.parent ? nodeIds.get(node.parent)! : null,
    });
    nodeIds.set(node.code, saved.id);
  }

  const userIds = new Map<string, string>();
  const hashes = await Promise.all(data.accounts.map(() => hashPassword(DEMO_PASSWORD)));
  for (const [i, account] of data.accounts.entries()) {
    const user = await m.getRepository(User).save({ phone: account.phone, displayName: account.displayName, passwordHash: hashes[i]! });
    userIds.set(account.phone, user.id);
  }

  // Each unit's roll starts as its revision 1 (source `seed`); later imports add revisions.
  const memberCount = data.cooperative.households.reduce((n, h) => n + h.members.length, 0);
  const ownershipCount = data.compound.owners.reduce((n, o) => n + o.units.length, 0);
  const revision = async (unitId: string, counts: Record<string, number>): Promise<string> =>
    (await m.getRepository(RollRevision).save({ unitId, number: 1, source: 'seed', fileName: null, fileSha256: null, summary: { counts }, createdBy: null })).id;

  // Cooperative roll.
  const cooperativeId = nodeIds.get(data.cooperative.unit)!;
  const cooperativeRevision = await revision(cooperativeId, { households: data.cooperative.households.length, members: memberCount });
  const members: Partial<Member>[] = [];
  for (const household of data.cooperative.households) {
    const saved = await m
      .getRepository(Household)
      .save({ unitId: cooperativeId, number: household.number, address: household.address, addedRevisionId: cooperativeRevision });
    for (const member of household.members) {
      members.push({
        unitId: cooperativeId,
        addedRevisionId: cooperativeRevision,
        householdId: saved.id,
        name: member.name,
        birthDate: member.birthDate,
        isHouseholdHead: member.isHouseholdHead,
        isHouseholdRepresentative: member.isHouseholdRepresentative,
        isMemberRepresentative: member.isMemberRepresentative,
        phone: member.phone,
        userId: member.account ? userIds.get(member.account)! : null,
      });
    }
  }
  await m.getRepository(Member).insert(members);

  // Compound roll.
  const compoundId = nodeIds.get(data.compound.unit)!;
  const compoundRevision = await revision(compoundId, {
    buildings: data.compound.buildings.length,
    exclusiveUnits: data.compound.units.length,
    owners: data.compound.owners.length,
    ownerships: ownershipCount,
    tenants: data.compound.tenants.length,
  });
  const buildingIds = new Map<string, string>();
  for (const name of data.compound.buildings) {
    const saved = await m.getRepository(Building).save({ unitId: compoundId, name, addedRevisionId: compoundRevision });
    buildingIds.set(name, saved.id);
  }
  const unitRows = await m.getRepository(ExclusiveUnit).insert(
    data.compound.units.map((u) => ({
      unitId: compoundId,
      addedRevisionId: compoundRevision,
      buildingId: u.building ? buildingIds.get(u.building)! : null,
      number: u.number,
      kind: u.kind,
      areaCentiM2: u.areaCentiM2,
      areaSource: u.areaSource,
    })),
  );
  const unitIds = new Map(data.compound.units.map((u, i) => [u.number, String(unitRows.identifiers[i]!['id'])]));
  const ownerRows = await m.getRepository(Owner).insert(
    data.compound.owners.map((o) => ({
      unitId: compoundId,
      addedRevisionId: compoundRevision,
      kind: o.kind,
      name: o.name,
      phone: o.phone,
      userId: o.account ? userIds.get(o.account)! : null,
    })),
  );
  const ownerships = data.compound.owners.flatMap((o, i) =>
    o.units.map((u) => ({
      unitId: compoundId,
      addedRevisionId: compoundRevision,
      ownerId: String(ownerRows.identifiers[i]!['id']),
      exclusiveUnitId: unitIds.get(u.number)!,
      isDesignatedVoter: u.designatedVoter,
    })),
  );
  await m.getRepository(Ownership).insert(ownerships);
  await m.getRepository(Tenant).insert(
    data.compound.tenants.map((t) => ({
      unitId: compoundId,
      addedRevisionId: compoundRevision,
      exclusiveUnitId: unitIds.get(t.unit)!,
      name: t.name,
      phone: t.phone,
      userId: t.account ? userIds.get(t.account)! : null,
    })),
  );

  const grants = data.accounts.flatMap((a) =>
    a.grants.map((g) => ({
      userId: userIds.get(a.phone)!,
      nodeId: nodeIds.get(g.node)!,
      role: g.role,
      buildingId: g.building ? buildingIds.get(g.building)! : null,
      grantedBy: null,
    })),
  );
  await m.getRepository(RoleGrant).insert(grants);

  return {
    nodes: data.nodes.length,
    accounts: data.accounts.length,
    households: data.cooperative.households.length,
    members: members.length,
    buildings: data.compound.buildings.length,
    exclusiveUnits: data.compound.units.length,
    owners: data.compound.owners.length,
    ownerships: ownerships.length,
    tenants: data.compound.tenants.length,
    roleGrants: grants.length,
  };
}

/**
 * The demo street's current business, written as its people would through the API — the same
 * services, so permissions, audit entries, notifications, the frozen electorate and the vote's
 * recount file are exactly what the app itself makes. Runs once, right after the street is written
 * by the same instance (which alone got past the seed lock with an empty database). Each service
 * commits on its own, as it does for a request. Dates are relative to now.
 */
export async function seedDemoActivity(app: INestApplicationContext, activity: DemoActivity = DEMO_ACTIVITY, now = new Date()): Promise<Record<string, number>> {
  const dataSource = app.get(DataSource);
  const users = await dataSource.getRepository(User).find({ select: { id: true, phone: true, displayName: true } });
  const actor = (phone: string): Actor => {
    const user = users.find((u) => u.phone === phone);
    if (!user) throw new Error(`demo activity: no account ${phone}`);
    return { id: user.id, phone: user.phone, displayName: user.displayName, sessionId: 'demo-seed', csrfToken: '' };
  };
  const units = await dataSource.getRepository(OrgNode).find({ select: { id: true, code: true } });
  const unitId = (code: string): string => units.find((u) => u.code === code)!.id;
  const at = (days: number): string => new Date(now.getTime() + days * DAY_MS).toISOString();

  const consultations = app.get(ConsultationsService, { strict: false });
  const drafts = app.get(DraftsService, { strict: false });
  const comments = app.get(CommentsService, { strict: false });
  const moderation = app.get(ModerationService, { strict: false });
  const briefings = app.get(BriefingsService, { strict: false });
  const votes = app.get(VotesService, { strict: false });

  // 御水岸: a convention drafted by the owners' committee, open for comment, with a briefing to come.
  const c = activity.consultation;
  const convenor = actor(c.convenor);
  const consultation = await consultations.create(convenor, unitId(c.unit), {
    title: c.title,
    summary: c.summary,
    ruleSet: 'cc278-ordinary',
    phases: [
      { phase: 'comment', startsAt: at(0), endsAt: at(c.commentDays) },
      { phase: 'revision', startsAt: at(c.commentDays), endsAt: at(c.commentDays + 7) },
    ],
  });
  await drafts.create(convenor, consultation.id);
  const version = await drafts.update(convenor, consultation.id, 1, { title: c.draft.title, preamble: c.draft.preamble, clauses: c.draft.clauses });
  await drafts.publish(convenor, consultation.id, 1);
  await consultations.changePhase(convenor, consultation.id, { to: 'comment' });
  const clauseId = (n: number): string => version.clauses.find((x) => x.number === n)!.id;
  let replies = 0;
  for (const comment of c.comments) {
    const thread = await comments.create(actor(comment.author), consultation.id, { body: comment.body, clauseId: clauseId(comment.clause) });
    if (comment.reply) {
      await moderation.reply(convenor, thread.id, { outcome: comment.reply.outcome, reason: comment.reply.reason });
      replies += 1;
    }
  }
  const head = actor(c.offline.recordedBy);
  await comments.recordOffline(head, consultation.id, {
    body: c.offline.body,
    channel: c.offline.channel,
    collectorName: head.displayName,
    collectedOn: calendarDateIn(LEGAL_TIME_ZONE, now),
    residentName: c.offline.residentName,
    clauseId: clauseId(c.offline.clause),
  });
  // On the evening of the day `inDays` from now, China time (UTC+8, no daylight saving).
  const day = calendarDateIn(LEGAL_TIME_ZONE, new Date(now.getTime() + c.briefing.inDays * DAY_MS));
  const startsAt = new Date(`${day}T${c.briefing.startsAtChinaTime}:00+08:00`);
  await briefings.create(convenor, consultation.id, {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + c.briefing.hours * HOUR_MS).toISOString(),
    place: c.briefing.place,
    capacity: c.briefing.capacity,
    notes: c.briefing.notes,
  });

  // 御水岸: a named vote of the owners, announced with its full 15-day notice; the notice ran out an
  // hour ago and the opening job opened it, for two weeks from now. Nothing was shortened.
  const v = activity.compoundVote;
  const noticeEnds = new Date(now.getTime() - v.noticeRanHoursAgo * HOUR_MS);
  const announced = new Date(noticeEnds.getTime() - RULE_SETS['cc278-ordinary'].noticeDays * DAY_MS);
  await votes.create(
    actor(v.convenor),
    unitId(v.unit),
    {
      title: v.title,
      titleEn: v.titleEn,
      question: v.question,
      questionEn: v.questionEn,
      ruleSet: 'cc278-ordinary',
      matterKinds: [v.matter],
      secrecy: 'named',
      allowChange: true,
      opensAt: noticeEnds.toISOString(),
      closesAt: at(v.days),
      turnoutPublic: true,
      // Those who have not voted hear again three days and one day before closing.
      reminderHoursBefore: [72, 24],
    },
    announced,
  );
  await votes.openDue(now);

  // 南村经济社: a member assembly announced with its 10-day notice; the job opens it when the time comes.
  const k = activity.cooperativeVote;
  await votes.create(actor(k.convenor), unitId(k.unit), {
    title: k.title,
    titleEn: k.titleEn,
    question: k.question,
    questionEn: k.questionEn,
    ruleSet: 'rceo-27',
    matterKinds: [k.matter],
    secrecy: 'named',
    allowChange: true,
    opensAt: at(k.opensInDays),
    closesAt: at(k.opensInDays + k.days),
    turnoutPublic: true,
    reminderHoursBefore: [24],
  });

  // 御水岸: a discussion session in three days' evening — the two topics residents raised and the
  // convention's draft on its agenda, its notice up (a consultative session needs no notice period).
  const d = activity.session;
  const topics = app.get(TopicsService, { strict: false });
  const sessions = app.get(SessionsService, { strict: false });
  const raised = [];
  for (const topic of d.topics) raised.push(await topics.submit(actor(topic.author), unitId(d.unit), { title: topic.title, body: topic.body }));
  const sessionDay = calendarDateIn(LEGAL_TIME_ZONE, new Date(now.getTime() + d.inDays * DAY_MS));
  const sessionStarts = new Date(`${sessionDay}T${d.startsAtChinaTime}:00+08:00`);
  const session = await sessions.create(actor(d.convenor), unitId(d.unit), {
    kind: 'consultative',
    title: d.title,
    place: d.place,
    startsAt: sessionStarts.toISOString(),
    endsAt: new Date(sessionStarts.getTime() + d.hours * HOUR_MS).toISOString(),
  });
  await sessions.addAgendaItem(actor(d.convenor), session.id, { kind: 'draft', versionId: version.id });
  for (const topic of raised) await sessions.addAgendaItem(actor(d.convenor), session.id, { kind: 'topic', topicId: topic.id });
  await sessions.announce(actor(d.convenor), session.id);
  const officers = app.get(SessionOfficersService, { strict: false });
  const o = d.officers;
  await officers.setOfficers(actor(d.convenor), session.id, { chairId: actor(o.chair).id, recorderId: actor(o.recorder).id, tellerIds: [actor(o.teller).id], scrutineerIds: [actor(o.scrutineer).id] });
  for (const guest of d.guests) await officers.addGuest(actor(d.convenor), session.id, guest);

  return { consultations: 1, clauses: c.draft.clauses.length, comments: c.comments.length + 1, officialReplies: replies, briefings: 1, votes: 2, topics: raised.length, sessions: 1 };
}
