import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A one-time SMS code proving a person holds a phone number (sign-up, password reset). */
@Entity('phone_verification')
@Index('phone_verification_phone_idx', ['phone', 'purpose', 'createdAt'])
@Check('phone_verification_purpose_valid', `"purpose" IN ('signup', 'reset')`)
@Check('phone_verification_phone_format', `"phone" ~ '^1[3-9][0-9]{9}$'`)
export class PhoneVerification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  phone!: string;

  @Column({ type: 'text' })
  purpose!: 'signup' | 'reset';

  /** HMAC of the code under the deployment's secret. */
  @Column({ name: 'code_hash', type: 'text' })
  codeHash!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'consumed_at', type: 'timestamptz', nullable: true })
  consumedAt!: Date | null;
}
