import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An account. Residents sign in with a mainland mobile number (issue: accounts and rolls). */
@Entity('app_user')
@Check('app_user_phone_format', `"phone" ~ '^1[3-9][0-9]{9}$'`)
@Check('app_user_display_name_not_blank', `length(btrim("display_name")) > 0`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('app_user_phone_unique', { unique: true })
  @Column({ type: 'text' })
  phone!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** argon2id PHC string; null until the person sets a password. */
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}
