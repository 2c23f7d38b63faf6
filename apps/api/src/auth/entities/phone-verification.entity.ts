import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Invitation } from '../../invitations/entities/invitation.entity';
import { User } from '../../users/entities/user.entity';

/**
 * A one-time SMS code proving a person holds a phone number: sign-up, password reset, or `link` —
 * a code sent to the phone number a roll holds, proving an invitation letter is the reader's own.
 */
@Entity('phone_verification')
@Index('phone_verification_phone_idx', ['phone', 'purpose', 'createdAt'])
@Check('phone_verification_purpose_valid', `"purpose" IN ('signup', 'reset', 'link')`)
@Check('phone_verification_link_has_letter', `("purpose" = 'link') = ("invitation_id" IS NOT NULL)`)
@Check('phone_verification_phone_format', `"phone" ~ '^1[3-9][0-9]{9}$'`)
@Check('phone_verification_issued_for_reset', `"issued_by" IS NULL OR "purpose" = 'reset'`)
export class PhoneVerification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  phone!: string;

  @Column({ type: 'text' })
  purpose!: 'signup' | 'reset' | 'link';

  /** For `link`: the letter the code proves (a code for one letter proves no other). */
  @Column({ name: 'invitation_id', type: 'uuid', nullable: true })
  invitationId!: string | null;

  @ManyToOne(() => Invitation, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'phone_verification_invitation_fk' })
  invitation?: Invitation | null;

  /** A reset code handed over in person (not by SMS): the building head or staff member who checked who the person is. */
  @Column({ name: 'issued_by', type: 'uuid', nullable: true })
  issuedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'issued_by', foreignKeyConstraintName: 'phone_verification_issued_by_fk' })
  issuer?: User | null;

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
