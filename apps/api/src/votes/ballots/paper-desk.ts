import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import { keyedHash } from '../../common/keyed-hash';
import type { AppSecret } from '../../config/app-secret';
import { APP_SECRET } from '../../config/app-secret';
import type { TxQuery } from '../../database/pooled';
import type { PaperStatus } from '../entities/ballot-paper.entity';
import type { Vote } from '../entities/vote.entity';
import { VotesService } from '../lifecycle/votes.service';
import { displayNames } from '../../users/user-store';
import type { BallotContent } from './ballot-choices';
import { contentText } from './ballot-choices';
import type { CastVoteRow } from './ballot-store';
import { countedPaperChoices, lockVoteForCast, txQuery } from './ballot-store';
import type { PaperDto } from './dto/paper.dto';
import type { PaperRow } from './paper-store';
import { forgetPaperChoices, lockPaperRow, MAX_SERIAL, papersWithVoters } from './paper-store';
import { conflict } from '../../common/refusals';



export function requireOpenWindow(vote: Vote, what: string): void {
  const now = Date.now();
  if (vote.status !== 'open' || now >= vote.closesAt.getTime()) throw conflict('closed', `${what} only while voting is open.`, { status: vote.status });
}

export function requireTakingBallots(vote: Vote): void {
  if (vote.status !== 'open' && vote.status !== 'counting') throw conflict('closed', `The vote is ${vote.status}: no ballot can be entered any more.`, { status: vote.status });
}


/**
 * What every desk of the paper ballots shares (the voter list, issuing, entry, check-ins): the
 * vote once its electorate is frozen, the locks a write takes, a paper's printed code, and papers
 * as staff see them.
 */
@Injectable()
export class PaperDesk {
  constructor(
    private readonly votes: VotesService,
    @Inject(APP_SECRET) private readonly secret: AppSecret,
  ) {}

  /** The short code printed on a paper: staff type it at entry, so a paper cannot be entered under the wrong serial. */
  codeOf(voteId: string, serial: number, voterId: string): string {
    return keyedHash(this.secret.key, 'ballot-paper', `${voteId}:${serial}:${voterId}`).slice(0, 6).toUpperCase();
  }

  /** The vote, once its electorate is frozen (the routes are for those who run it: consultation.manage, checked by the access guard). */
  async managed(actor: Actor, voteId: string, m?: EntityManager): Promise<Vote> {
    const { vote } = await this.votes.visible(actor, voteId, m);
    if (vote.status === 'scheduled' || vote.status === 'cancelled') throw conflict('not_open', 'The electorate is frozen when voting opens: there is nothing to issue or enter before.');
    return vote;
  }

  /** A write: the vote row held FOR KEY SHARE (as a cast holds it), then the permission. */
  async forWrite(actor: Actor, voteId: string, m: EntityManager): Promise<{ vote: Vote; row: CastVoteRow }> {
    const row = await lockVoteForCast(txQuery(m), voteId);
    if (!row) throw new DomainError('NOT_FOUND', 'There is no such vote, or it is not open to you.', { voteId });
    return { vote: await this.managed(actor, voteId, m), row };
  }

  /** One paper of the vote, held FOR UPDATE; NOT_FOUND when there is none. */
  async lockPaper(q: TxQuery, voteId: string, serial: number): Promise<PaperRow> {
    const paper = serial >= 1 && serial <= MAX_SERIAL ? await lockPaperRow(q, voteId, serial) : undefined;
    if (!paper) throw new DomainError('NOT_FOUND', `There is no ballot paper No. ${serial} in this vote.`, { serial });
    return paper;
  }

  /**
   * A secret vote's settled paper keeps no trace of its choice (the box has it, unlinked), nor a
   * link to its scan (the scan shows the choice; the file itself is kept in storage).
   */
  async forgetChoices(q: TxQuery, vote: Vote, serial: number): Promise<void> {
    if (vote.secrecy !== 'secret') return;
    await forgetPaperChoices(q, vote.id, serial);
  }

  /**
   * Papers as staff see them. Blind entry: the first reading (choice and proxy) is never shown
   * while the paper waits for its second entry; once disputed both readings are shown (to settle
   * it), and a named vote's settled paper shows them and the counted choice. A secret vote's
   * settled paper shows nothing of its choice.
   */
  async papers(q: TxQuery, vote: Vote, filter: { serials?: number[]; group?: string; status?: PaperStatus }): Promise<PaperDto[]> {
    const rows = await papersWithVoters(q, vote.id, filter);
    const users = await displayNames(q, [...new Set(rows.flatMap((r) => [r.entered_by, r.confirmed_by, r.resolved_by]).filter((x): x is string => !!x))]);
    const ref = (id: string | null): { id: string; name: string } | null => (id ? { id, name: users.get(id) ?? '' } : null);
    const confirmed = rows.filter((r) => r.status === 'confirmed').map((r) => r.voter_id);
    const counted = vote.secrecy === 'named' && confirmed.length ? await countedPaperChoices(q, vote.id, confirmed) : new Map<string, BallotContent>();
    return rows.map((r) => {
      const showReadings = r.status === 'disputed' || (vote.secrecy === 'named' && (r.status === 'confirmed' || (r.status === 'void' && r.entered_by !== null)));
      return {
        serial: r.serial,
        code: this.codeOf(vote.id, r.serial, r.voter_id),
        voterId: r.voter_id,
        name: r.name,
        group: r.group_label,
        unitLabels: r.unit_labels,
        status: r.status,
        issuedAt: r.issued_at.toISOString(),
        returnedAt: r.returned_at?.toISOString() ?? null,
        enteredBy: ref(r.entered_by),
        enteredAt: r.entered_at?.toISOString() ?? null,
        confirmedBy: ref(r.confirmed_by),
        confirmedAt: r.confirmed_at?.toISOString() ?? null,
        readings: showReadings ? { first: contentText(r.entered_choice), second: contentText(r.confirmed_choice) } : null,
        choice: contentText(counted.get(r.voter_id) ?? null),
        proxy: r.status === 'entered' ? null : r.proxy,
        hasScan: r.scan_file_id !== null,
        voidKind: r.void_kind,
        voidReason: r.void_reason,
        disputedOn: r.disputed_on,
        resolution: r.resolution_note,
        resolvedBy: ref(r.resolved_by),
        resolvedAt: r.resolved_at?.toISOString() ?? null,
      };
    });
  }
}
