import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Consultation } from '../../consultations/entities/consultation.entity';
import { DraftVersion } from '../../consultations/entities/draft-version.entity';

/**
 * The figures of one place of a consultation's opinions — a version's whole draft (`clauseId`
 * null, `placeId` the version) or one of its clauses (`placeId` the clause) — kept by PostgreSQL
 * itself: row triggers on `comment` and `official_reply` add each opinion, reply and official
 * answer to its place and take it off when it moves or goes (migration OpinionFigures), so the
 * opinion page and the adoption report read one row per place instead of counting a
 * consultation's thousands of opinions on every request. No code writes it. An opinion without
 * an official reply is pending: `opinions` less the four outcomes.
 */
@Entity('opinion_place_figures')
@Check('opinion_place_figures_not_negative', `"opinions" >= 0 AND "replies" >= 0 AND "adopted" >= 0 AND "partly_adopted" >= 0 AND "not_adopted" >= 0 AND "noted" >= 0 AND "offline" >= 0`)
@Check('opinion_place_figures_within_opinions', `"adopted" + "partly_adopted" + "not_adopted" + "noted" <= "opinions" AND "offline" <= "opinions"`)
@Check('opinion_place_figures_place', `"place_id" = coalesce("clause_id", "version_id")`)
@Index('opinion_place_figures_consultation_idx', ['consultationId'])
export class OpinionPlaceFigures {
  @PrimaryColumn({ name: 'version_id', type: 'uuid', primaryKeyConstraintName: 'PK_opinion_place_figures' })
  versionId!: string;

  @ManyToOne(() => DraftVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'opinion_place_figures_version_fk' })
  version?: DraftVersion;

  @PrimaryColumn({ name: 'place_id', type: 'uuid', primaryKeyConstraintName: 'PK_opinion_place_figures' })
  placeId!: string;

  @Column({ name: 'consultation_id', type: 'uuid' })
  consultationId!: string;

  @ManyToOne(() => Consultation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'consultation_id', foreignKeyConstraintName: 'opinion_place_figures_consultation_fk' })
  consultation?: Consultation;

  @Column({ name: 'clause_id', type: 'uuid', nullable: true })
  clauseId!: string | null;

  @Column({ type: 'integer', default: 0 })
  opinions!: number;

  @Column({ type: 'integer', default: 0 })
  replies!: number;

  @Column({ type: 'integer', default: 0 })
  adopted!: number;

  @Column({ name: 'partly_adopted', type: 'integer', default: 0 })
  partlyAdopted!: number;

  @Column({ name: 'not_adopted', type: 'integer', default: 0 })
  notAdopted!: number;

  @Column({ type: 'integer', default: 0 })
  noted!: number;

  @Column({ type: 'integer', default: 0 })
  offline!: number;
}
