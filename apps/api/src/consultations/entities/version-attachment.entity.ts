import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StoredFile } from '../../storage/entities/stored-file.entity';
import { DraftVersion } from './draft-version.entity';

/** A file attached to a draft version: a map, a plan as PDF, a photo. */
@Entity('version_attachment')
@Check('version_attachment_title_length', `length(btrim("title")) BETWEEN 1 AND 200`)
export class VersionAttachment {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @ManyToOne(() => DraftVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'version_attachment_version_fk' })
  version?: DraftVersion;

  @PrimaryColumn({ name: 'file_id', type: 'uuid' })
  fileId!: string;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'version_attachment_file_fk' })
  file?: StoredFile;

  @Column({ type: 'text' })
  title!: string;
}
