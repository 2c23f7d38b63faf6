import type { AssemblyResultFile } from '@yishi/domain';
import { tallySummaryOf } from '@yishi/domain';
import type { AssemblyResultDto } from '../results/dto/results.dto';
import type { VoteMatter } from './assembly-matters';
import { matterView } from './assembly-views';

/** A matter carried: a motion passed, an election filled at least one seat. */
export function matterCarried(m: AssemblyResultFile['matters'][number]): boolean {
  return m.kind === 'motion' ? m.tally.passed : m.election.elected.length > 0;
}

/**
 * An assembly's published result (result.json, format version 2) as the result pages show it:
 * every matter with its question, verdict, figures and words, an election's candidates by name.
 * The pseudonymous rejected lines stay in the recount kit.
 */
export function assemblyResultOf(resultJson: string, matters: readonly VoteMatter[]): AssemblyResultDto {
  const file = JSON.parse(resultJson) as AssemblyResultFile;
  const byId = new Map(matters.map((m) => [m.id, m]));
  return {
    chains: file.chains,
    reading: file.reading,
    matters: file.matters.map((r) => {
      const matter = byId.get(r.matter)!;
      const names = new Map((matter.candidates ?? []).map((c) => [c.id, c.name]));
      return {
        matter: matterView(matter),
        passed: matterCarried(r),
        blank: r.blank,
        spoilt: r.spoilt,
        tally: r.kind === 'motion' ? tallySummaryOf(r.tally) : null,
        election:
          r.kind === 'election'
            ? {
                seats: r.election.seats,
                elected: r.election.elected,
                unfilled: r.election.unfilled,
                tied: r.election.tied,
                overVoted: r.election.overVoted,
                candidates: r.election.candidates.map((c) => ({ candidate: c.candidate, name: names.get(c.candidate) ?? c.candidate, votes: c.votes, area: c.area, qualified: c.qualified, standing: c.standing, tally: tallySummaryOf(c.tally) })),
              }
            : null,
        explanation: r.explanation,
      };
    }),
  };
}
