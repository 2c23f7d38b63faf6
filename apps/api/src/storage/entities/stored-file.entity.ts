import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';

/** A file someone uploaded (a photo of a paper note, a PDF attachment), kept by the storage. */
@Entity('stored_file')
@Check('stored_file_mime_valid', `"mime" IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')`)
@Check('stored_file_size_valid', `"size_bytes" > 0`)
@Check('stored_file_sha256_format', `"sha256" ~ '^[0-9a-f]{64}$'`)
export class StoredFile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  mime!: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'text' })
  sha256!: string;

  /** The name the file had on the uploader's device (shown, never used as a path). */
  @Column({ name: 'original_name', type: 'text' })
  originalName!: string;

  /** Where the storage keeps it (for the local folder: a relative path). */
  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'stored_file_created_by_fk' })
  creator?: User;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
