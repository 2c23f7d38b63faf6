import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../common/actor';
import { conflict, forbidden, invalid } from '../../common/refusals';
import { PermissionsService } from '../../permissions/permissions.service';
import { buildingOfUnit } from '../../rolls/roll-reads';
import { getVote } from '../lifecycle/vote-store';
import { txQuery } from './ballot-store';
import type { MissingListDto, MissingQueryDto, RecordContactDto } from './dto/missing.dto';
import type { MissingVoterRow } from './missing-store';
import { insertContact, missingOfGroup, turnoutByGroup, voterGroup } from './missing-store';

/**
 * Who is still missing (谁还没投): for a building head their building only, for the convenor and
 * staff every building (or household) with the turnout each adds — who has not taken part, with
 * the phone number the roll holds, printable as a door-to-door list, and the visits recorded. It
 * never says how anyone voted; a secret vote's list is its marked roll. Phone numbers are personal
 * information: each view of a list of people is in the audit trail.
 */
@Injectable()
export class MissingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The list, read statement by statement outside a transaction (under READ COMMITTED a
   * transaction would give its reads no common snapshot either), its one write the audit entry of
   * who saw which phone numbers: an answer goes out only once that entry is saved.
   */
  async list(actor: Actor, voteId: string, query: MissingQueryDto): Promise<MissingListDto> {
    const m = this.dataSource.manager;
    const vote = await getVote(m, voteId);
    const q = txQuery(m);
    const group = await this.groupOf(m, actor, vote.unitId, query);
    // Phone numbers serve the door-to-door work while voting is open, not afterwards.
    if (group !== null && vote.status !== 'open') throw conflict('closed', 'Voting is not open: the list of who is still missing is for the time voting runs.', { status: vote.status });
    // Every group's figures, or one group's with who is missing in it (one statement each way).
    let groups: { group_label: string; voters: number; voted: number }[];
    let rows: MissingVoterRow[] = [];
    if (group === null) {
      groups = await turnoutByGroup(q, voteId, vote.secrecy, null);
    } else {
      const one = await missingOfGroup(q, voteId, vote.secrecy, group);
      rows = one.missing;
      groups = one.voters > 0 ? [{ group_label: group, voters: one.voters, voted: one.voters - rows.length }] : [];
    }
    if (group !== null) {
      await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'vote.missing_view', entityType: 'vote', entityId: voteId, after: { group, buildingId: query.buildingId ?? null, people: rows.length } });
    }
    return {
      voteId,
      title: vote.title,
      closesAt: vote.closesAt.toISOString(),
      secrecy: vote.secrecy,
      group,
      groups: groups.map((g) => ({ group: g.group_label, voters: g.voters, voted: g.voted })),
      missing: rows.map((r) => ({
        voterId: r.voter_id,
        name: r.name,
        unitLabels: r.unit_labels,
        phone: r.phone,
        lastContact: r.contact ? { ...r.contact, at: new Date(r.contact.at).toISOString() } : null,
      })),
    };
  }

  /** A door-to-door visit: the voter is one of the group the visitor may list, and has not taken part. */
  async recordContact(actor: Actor, voteId: string, input: RecordContactDto): Promise<MissingListDto> {
    const group = await this.dataSource.transaction(async (m) => {
      const vote = await getVote(m, voteId);
      const q = txQuery(m);
      const allowed = await this.groupOf(m, actor, vote.unitId, { buildingId: input.buildingId });
      const voterGroupLabel = await voterGroup(q, voteId, input.voterId);
      if (!voterGroupLabel) throw invalid('voterId', 'invalid', 'This voter is not on the vote’s electorate.');
      if (allowed !== null && allowed !== voterGroupLabel) throw forbidden('not_your_building', 'This voter lives in another building than the one you look after.');
      await insertContact(q, { voteId, voterId: input.voterId, outcome: input.outcome, note: input.note?.trim() ?? '', by: actor.id });
      await this.audit.record(m, { actor, nodeId: vote.unitId, action: 'vote.contact', entityType: 'vote', entityId: voteId, after: { voterId: input.voterId, outcome: input.outcome } });
      return voterGroupLabel;
    });
    const building = input.buildingId;
    return this.list(actor, voteId, building ? { buildingId: building } : { group });
  }

  /**
   * The group the list is of: a building of the vote's compound by id (the guard has already
   * checked a building head names their own), or a group label for those whose grant is not
   * limited to a building; null for the summary. Read on the caller's manager: within a
   * transaction, a second pooled connection taken while the first is held deadlocks the pool once
   * as many building heads as it has connections open the list at once (bench:pages, 50 of them).
   */
  private async groupOf(m: EntityManager, actor: Actor, unitId: string, query: MissingQueryDto): Promise<string | null> {
    if (query.buildingId) {
      const building = await buildingOfUnit(m, unitId, query.buildingId);
      if (!building) throw invalid('buildingId', 'invalid', 'The building is none of this compound’s.');
      return building.name;
    }
    if (!(await this.permissions.can(actor, 'turnout.missing', { nodeId: unitId }, m))) {
      throw forbidden('not_your_building', 'Name the building you look after (buildingId).');
    }
    return query.group ?? null;
  }
}
