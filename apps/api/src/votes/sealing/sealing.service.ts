import { randomInt } from 'node:crypto';
import type { OnModuleInit } from '@nestjs/common';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AssemblyBoxEvent, AssemblyCastEvent, AssemblyResultFile, AssemblyVoteFile, CastEvent, CheckInEvent, Choice, Electorate, MarkEvent, TallyResult, VoteHeader } from '@yishi/domain';
import { ASSEMBLY_FORMAT_VERSION, assemblyGenesisHash, buildAssemblyKit, buildRecountKit, canonicalJson, genesisHash, lineHash, tally } from '@yishi/domain';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { JobsService } from '../../jobs/jobs.service';
import { NotificationsService } from '../../notifications/notifications.service';
import type { Vote } from '../entities/vote.entity';
import { getVote, lockVote, updateVote, withElectorate } from '../lifecycle/vote-store';
import { newPublicToken } from './public-token';
import { matterCarried } from '../assembly/assembly-result';
import {
  boxContents,
  boxCounts,
  chainHeadOf,
  checkedInVoters,
  finalizeDueVotes,
  hasUnsettledPaper,
  lockIntake,
  moveIntoBox,
  namedParticipants,
  sealedEntries,
  sealLock,
  secretParticipants,
  stopPastClosing,
  trySealLock,
  unsealedCasts,
  votesReadyToCount,
  votesWithIntake,
  votesWithUnsealedCasts,
  writeSeals,
} from './seal-store';

/** Secret ballots move into the box in shuffled batches of at least this many (or all at close). */
export const MIX_BATCH = 10;

interface ElectorateFileJson {
  snapshotAt: string;
  electorate: Electorate;
}

/** How many opened votes' electorates a process keeps parsed (a large compound's is a few MB). */
const ELECTORATES_KEPT = 16;

/** The value, with every object and array in it frozen. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** The genesis hash of a vote's chain, under the format its vote.json declares (version 2: an assembly's ballot). */
function chainGenesis(chain: 'ballots' | 'roll', voteJson: string): string {
  const file = JSON.parse(voteJson) as { formatVersion?: unknown };
  return file.formatVersion === ASSEMBLY_FORMAT_VERSION ? assemblyGenesisHash(chain, file) : genesisHash(chain, file);
}

/**
 * The integrity machinery of a vote: the sealer appends committed casts to the vote's hash chain
 * in commit order (one sealer per vote, under an advisory lock), the mixer moves secret ballots
 * into the box in shuffled batches, and the closer — at the closing time, once paper ballots are
 * settled — seals the rest, counts with libs/domain exactly as the recount kit does, and
 * publishes the provisional result; after the objection window the final notice follows.
 */
@Injectable()
export class SealingService implements OnModuleInit {
  private readonly logger = new Logger(SealingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * The electorates of opened votes, parsed, by vote id, the most recently read last: the live
   * turnout needs one on every request, and an opened vote's electorate.json never changes (the
   * `vote_frozen` trigger refuses it), so it is read and parsed once per process, not 100 KB to
   * a few MB per request. Frozen, so no caller can change what the next one reads.
   */
  private readonly electorates = new Map<string, Electorate>();

  /** The electorate of a vote that has opened (its electorate.json is frozen), parsed once per process. */
  private async openedElectorate(vote: Vote): Promise<Electorate> {
    const known = this.electorates.get(vote.id);
    if (known) {
      this.electorates.delete(vote.id);
      this.electorates.set(vote.id, known);
      return known;
    }
    const json = (await withElectorate(this.dataSource.manager, vote)).electorateJson;
    if (vote.status === 'scheduled' || vote.status === 'cancelled' || !json) throw new Error(`vote ${vote.id} has no frozen electorate (${vote.status})`);
    const electorate = deepFreeze((JSON.parse(json) as ElectorateFileJson).electorate);
    this.electorates.set(vote.id, electorate);
    if (this.electorates.size > ELECTORATES_KEPT) this.electorates.delete(this.electorates.keys().next().value!);
    return electorate;
  }

  onModuleInit(): void {
    this.jobs.register({ name: 'votes.seal', everyMs: 1000, run: async () => void (await this.sealAll()) });
    this.jobs.register({ name: 'votes.mix', everyMs: 5000, run: async () => void (await this.mixAll()) });
    this.jobs.register({ name: 'votes.close', everyMs: 5000, run: async () => void (await this.closeDue()) });
    this.jobs.register({ name: 'votes.finalize', everyMs: 60_000, run: async () => void (await this.finalizeDue()) });
  }

  async sealAll(): Promise<number> {
    const votes = await votesWithUnsealedCasts(this.dataSource.manager);
    let sealed = 0;
    for (const voteId of votes) sealed += await this.seal(voteId);
    return sealed;
  }

  /** Appends the vote's committed, unsealed casts to its chain; returns how many. */
  async seal(voteId: string, m?: EntityManager): Promise<number> {
    const run = async (tx: EntityManager): Promise<number> => {
      if (!(await trySealLock(tx, voteId))) return 0;
      const vote = await chainHeadOf(tx, voteId);
      if (!vote?.vote_json) return 0;
      const pending = await unsealedCasts(tx, voteId);
      if (pending.length === 0) return 0;
      let head = vote.chain_head ?? chainGenesis(vote.secrecy === 'named' ? 'ballots' : 'roll', vote.vote_json);
      let seq = vote.chain_length;
      const ids: string[] = [];
      const seqs: number[] = [];
      const lines: string[] = [];
      const hashes: string[] = [];
      for (const row of pending) {
        seq += 1;
        const line = canonicalJson({ ...row.entry, seq, prev: head });
        head = lineHash(line);
        ids.push(row.id);
        seqs.push(seq);
        lines.push(line);
        hashes.push(head);
      }
      await writeSeals(tx, voteId, { ids, seqs, lines, hashes }, head, seq);
      return pending.length;
    };
    return m ? run(m) : this.dataSource.transaction(run);
  }

  async mixAll(): Promise<number> {
    const votes = await votesWithIntake(this.dataSource.manager);
    let moved = 0;
    for (const voteId of votes) moved += await this.mix(voteId, false);
    return moved;
  }

  /**
   * Moves waiting secret ballots into the box, in random order, in a transaction of its own:
   * only when a batch has gathered (so no single ballot can be matched to the mark written with
   * it), or everything when `all` (at close).
   *
   * The periodic mixer skips ballots another mixer holds; the count at close (`all`) waits for
   * them instead, so a mixer running at the same moment can never leave a ballot out of the box.
   */
  async mix(voteId: string, all: boolean, m?: EntityManager): Promise<number> {
    const run = async (tx: EntityManager): Promise<number> => {
      const waiting = await lockIntake(tx, voteId, all);
      if (waiting.length === 0 || (!all && waiting.length < MIX_BATCH)) return 0;
      for (let i = waiting.length - 1; i > 0; i -= 1) {
        const j = randomInt(i + 1);
        [waiting[i], waiting[j]] = [waiting[j]!, waiting[i]!];
      }
      await moveIntoBox(tx, voteId, waiting);
      return waiting.length;
    };
    return m ? run(m) : this.dataSource.transaction(run);
  }

  /**
   * The job: open votes past their closing time stop taking online ballots (counting); a counting
   * vote is tallied once no returned paper ballot awaits entry, confirmation or a dispute decision.
   */
  async closeDue(now = new Date()): Promise<number> {
    const m = this.dataSource.manager;
    await stopPastClosing(m, now);
    const ready = await votesReadyToCount(m);
    let closed = 0;
    for (const id of ready) {
      if (await this.tally(id)) closed += 1;
    }
    return closed;
  }

  /**
   * Seals what remains, counts from the sealed chain exactly as `npm run recount` will, and
   * publishes the provisional result (the objection window starts). Runs once: the vote row is
   * claimed under a lock and must still be counting.
   */
  async tally(voteId: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      // Lock order, as the sealer: the seal lock first, then the vote row. The row lock (FOR UPDATE)
      // waits for in-flight casts (which hold FOR KEY SHARE) and refuses later ones.
      await sealLock(m, voteId);
      const vote = await lockVote(m, voteId);
      if (!vote || vote.status !== 'counting') return false;
      // A paper returned in time and not yet settled keeps the count waiting (checked again under the lock).
      if (await hasUnsettledPaper(m, voteId)) return false;
      await this.mix(voteId, true, m);
      // Every secret ballot is in the box before counting: as many ballots as marks, none waiting.
      const box = await boxCounts(m, voteId);
      if (box && (box.waiting > 0 || box.boxed !== box.marked)) {
        throw new Error(`vote ${voteId}: the ballot box holds ${box.boxed} ballots (${box.waiting} waiting) for ${box.marked} marks; not counted`);
      }
      await this.seal(voteId, m);
      const sealed = await getVote(m, voteId);
      const entries = await sealedEntries(m, voteId);
      const kit = await this.kitOf(m, sealed, entries.map((e) => e.entry));
      // The kit rebuilds the chain from the same entries: it must end where the sealer's chain ends.
      const result = JSON.parse(kit['result.json']!) as { chains: Record<string, { head: string; lines: number }> } & ({ tally: { passed: boolean } } | AssemblyResultFile);
      const secrecy = sealed.secrecy;
      const main = result.chains[secrecy === 'named' ? 'ballots' : 'roll']!;
      if (main.head !== (sealed.chainHead ?? main.head) || main.lines !== sealed.chainLength) {
        this.logger.error({ voteId, sealed: sealed.chainHead, rebuilt: main.head }, 'the rebuilt chain does not match the sealed chain');
        throw new Error(`chain mismatch for vote ${voteId}`);
      }
      const closedAt = new Date();
      await updateVote(m, voteId, {
        status: 'closed',
        closedAt,
        resultJson: kit['result.json']!,
        boxJsonl: kit['box.jsonl'] ?? null,
        chainHead: main.head,
        chainLength: main.lines,
        // The key of the result's public page, printed as a QR code on the notice.
        publicToken: newPublicToken(),
      });
      // An assembly's ballot has a verdict per matter: the notice names how many passed.
      const verdict: Record<string, number | boolean> = 'tally' in result ? { passed: result.tally.passed } : { matters: result.matters.length, passedMatters: result.matters.filter(matterCarried).length };
      await this.audit.record(m, { actor: null, nodeId: vote.unitId, action: 'vote.tally', entityType: 'vote', entityId: voteId, after: { ...verdict, chains: result.chains } });
      await this.notifications.notifyUnits(m, [vote.unitId], 'vote_result', { voteId, title: vote.title, ...verdict, objectionDays: vote.objectionDays }, `/votes/${voteId}/result`);
      return true;
    });
  }

  /**
   * The recount kit of a vote being counted, from its sealed entries: format version 1 for a
   * motion or poll, version 2 for an assembly's ballot (its vote.json says which).
   */
  private async kitOf(m: EntityManager, sealed: Vote, entries: unknown[]): Promise<Record<string, string>> {
    const electorateFile = JSON.parse((await withElectorate(m, sealed)).electorateJson!) as ElectorateFileJson;
    const base = { snapshotAt: electorateFile.snapshotAt, electorate: electorateFile.electorate };
    const box = sealed.secrecy === 'secret' ? await boxContents(m, sealed.id) : [];
    if (sealed.questionKind === 'assembly') {
      const { format: _f, formatVersion: _v, secrecy: _s, electorateSha256: _e, ...header } = JSON.parse(sealed.voteJson!) as AssemblyVoteFile;
      return sealed.secrecy === 'named'
        ? buildAssemblyKit({ vote: header, ...base, secrecy: 'named', events: entries as (AssemblyCastEvent | CheckInEvent)[] })
        : buildAssemblyKit({ vote: header, ...base, secrecy: 'secret', roll: entries as (MarkEvent | CheckInEvent)[], box: box.map((b) => ({ ballot: b.ballot_id, marks: (b.choice as { marks: AssemblyBoxEvent['marks'] }).marks })) });
    }
    const { format: _f, formatVersion: _v, secrecy: _s, electorateSha256: _e, ...header } = JSON.parse(sealed.voteJson!) as VoteHeader & { format: string; formatVersion: number; secrecy: string; electorateSha256: string };
    return sealed.secrecy === 'named'
      ? buildRecountKit({ vote: header, ...base, secrecy: 'named', events: entries as (CastEvent | CheckInEvent)[] })
      : buildRecountKit({ vote: header, ...base, secrecy: 'secret', roll: entries as (MarkEvent | CheckInEvent)[], box: box.map((b) => ({ ballot: b.ballot_id, choice: b.choice as Choice })) });
  }

  /** The job: after the objection window, once every objection is answered, the final notice. */
  async finalizeDue(now = new Date()): Promise<number> {
    const due = await finalizeDueVotes(this.dataSource.manager, now);
    for (const v of due) {
      await this.dataSource.transaction(async (m) => {
        await this.audit.record(m, { actor: null, nodeId: v.unit_id, action: 'vote.final', entityType: 'vote', entityId: v.id, after: { finalAt: now.toISOString() } });
        await this.notifications.notifyUnits(m, [v.unit_id], 'vote_final', { voteId: v.id, title: v.title }, `/votes/${v.id}/result`);
      });
    }
    return due.length;
  }

  /** Live figures while a vote runs: who has taken part, against the rule's thresholds (no choices). */
  async turnout(vote: Vote): Promise<TallyResult> {
    // An assembly's turnout is the ballot's: one turnout for every matter, measured on the rule whose clock it runs on.
    const definition = { ruleSet: vote.ruleSet, question: vote.questionKind === 'options' ? { kind: 'options' as const, options: vote.options! } : { kind: 'motion' as const }, matterKinds: [], lml63: vote.lml63 };
    // Those signed in at the meeting count toward attendance as they will in the count (where the
    // rule counts attendance; the tally ignores them elsewhere, and anyone it would not count).
    // The three reads are independent: each on a connection of its own, at once.
    const m = this.dataSource.manager;
    if (vote.secrecy === 'named') {
      const [electorate, checkIns, ballots] = await Promise.all([this.openedElectorate(vote), checkedInVoters(m, vote.id), namedParticipants(m, vote.id)]);
      // Every participant counted as abstaining: turnout without revealing how anyone voted.
      return tally({ vote: definition, electorate, casting: { secrecy: 'named', ballots: ballots.map((b) => ({ voter: b.voter_id, choice: 'abstain', channel: b.channel, proxy: b.proxy })) }, checkIns });
    }
    const [electorate, checkIns, marks] = await Promise.all([this.openedElectorate(vote), checkedInVoters(m, vote.id), secretParticipants(m, vote.id)]);
    return tally({
      vote: definition,
      electorate,
      casting: { secrecy: 'secret', marks: marks.map((x) => ({ voter: x.voter_id, channel: x.channel, proxy: x.proxy })), box: marks.map((_, i) => ({ ballotId: `t-${i}`, choice: 'abstain' as const })) },
      checkIns,
    });
  }
}
