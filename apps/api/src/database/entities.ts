import { Ballot } from '../votes/entities/ballot.entity';
import { BallotPaper } from '../votes/entities/ballot-paper.entity';
import { ProxyAuthorization } from '../votes/entities/proxy-authorization.entity';
import { VoteBox, VoteBoxIntake } from '../votes/entities/vote-box.entity';
import { VoteCast } from '../votes/entities/vote-cast.entity';
import { VoteMark } from '../votes/entities/vote-mark.entity';
import { VoteObjection } from '../votes/entities/vote-objection.entity';
import { VoteVoter } from '../votes/entities/vote-voter.entity';
import { VoteContact } from '../votes/entities/vote-contact.entity';
import { VoteReminder } from '../votes/entities/vote-reminder.entity';
import { VoteAttachment } from '../votes/entities/vote-attachment.entity';
import { MessageDelivery } from '../messages/entities/message-delivery.entity';
import { MessagePreference } from '../messages/entities/message-preference.entity';
import { Vote, VoteShortening } from '../votes/entities/vote.entity';
import { Briefing } from '../briefings/entities/briefing.entity';
import { BriefingSignup } from '../briefings/entities/briefing-signup.entity';
import { Comment } from '../comments/entities/comment.entity';
import { CommentReport } from '../comments/entities/comment-report.entity';
import { OfficialReply } from '../comments/entities/official-reply.entity';
import { Clause } from '../consultations/entities/clause.entity';
import { Consultation } from '../consultations/entities/consultation.entity';
import { ConsultationPhasePlan } from '../consultations/entities/consultation-phase.entity';
import { ConsultationUnit } from '../consultations/entities/consultation-unit.entity';
import { DraftVersion } from '../consultations/entities/draft-version.entity';
import { VersionAttachment } from '../consultations/entities/version-attachment.entity';
import { Notification } from '../notifications/entities/notification.entity';
import { StoredFile } from '../storage/entities/stored-file.entity';
import { Topic } from '../topics/entities/topic.entity';
import { TopicPhoto } from '../topics/entities/topic-photo.entity';
import { TopicSecond } from '../topics/entities/topic-second.entity';
import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { AuthSession } from '../auth/entities/auth-session.entity';
import { PhoneVerification } from '../auth/entities/phone-verification.entity';
import { RateLimitBucket } from '../auth/entities/rate-limit-bucket.entity';
import { Invitation } from '../invitations/entities/invitation.entity';
import { InvitationPrint } from '../invitations/entities/invitation-print.entity';
import { OrgNode } from '../organizations/entities/org-node.entity';
import { Building } from '../rolls/entities/building.entity';
import { ExclusiveUnit } from '../rolls/entities/exclusive-unit.entity';
import { Household } from '../rolls/entities/household.entity';
import { Member } from '../rolls/entities/member.entity';
import { Owner } from '../rolls/entities/owner.entity';
import { Ownership } from '../rolls/entities/ownership.entity';
import { RollImport } from '../rolls/entities/roll-import.entity';
import { RollRevision } from '../rolls/entities/roll-revision.entity';
import { Tenant } from '../rolls/entities/tenant.entity';
import { UnitRollFigures } from '../rolls/entities/unit-roll-figures.entity';
import { OpinionPlaceFigures } from '../comments/entities/opinion-place-figures.entity';
import { OpinionRevision } from '../comments/entities/opinion-revision.entity';
import { DiscussionSession, SessionUnit } from '../sessions/entities/discussion-session.entity';
import { SessionAttendance } from '../sessions/entities/session-attendance.entity';
import { AgendaItem } from '../sessions/entities/agenda-item.entity';
import { SessionProxy } from '../sessions/entities/session-proxy.entity';
import { SessionOfficer } from '../sessions/entities/session-officer.entity';
import { SessionGuest } from '../sessions/entities/session-guest.entity';
import { SessionSlip } from '../sessions/entities/session-slip.entity';
import { SessionSpeech } from '../sessions/entities/session-speech.entity';
import { SessionMinutes } from '../sessions/entities/session-minutes.entity';
import { FollowUp, FollowUpUpdate } from '../sessions/entities/follow-up.entity';
import { SessionShortening } from '../sessions/entities/session-shortening.entity';
import { RoleGrant } from '../users/entities/role-grant.entity';
import { User } from '../users/entities/user.entity';

/** Every entity of the schema, listed once for the app, the migration CLI and the tests. */
export const ENTITIES = [
  OrgNode,
  User,
  RoleGrant,
  AuditEntry,
  RollRevision,
  Household,
  Member,
  Building,
  ExclusiveUnit,
  Owner,
  Ownership,
  Tenant,
  UnitRollFigures,
  OpinionPlaceFigures,
  OpinionRevision,
  AuthSession,
  RateLimitBucket,
  PhoneVerification,
  Invitation,
  InvitationPrint,
  RollImport,
  StoredFile,
  Consultation,
  ConsultationUnit,
  ConsultationPhasePlan,
  DraftVersion,
  Clause,
  VersionAttachment,
  Topic,
  TopicSecond,
  TopicPhoto,
  Comment,
  CommentReport,
  OfficialReply,
  Briefing,
  BriefingSignup,
  Notification,
  Vote,
  VoteVoter,
  VoteContact,
  VoteReminder,
  VoteAttachment,
  MessagePreference,
  MessageDelivery,
  VoteCast,
  Ballot,
  VoteMark,
  VoteBox,
  VoteBoxIntake,
  BallotPaper,
  ProxyAuthorization,
  VoteObjection,
  VoteShortening,
  DiscussionSession,
  SessionUnit,
  SessionAttendance,
  AgendaItem,
  SessionProxy,
  SessionOfficer,
  SessionGuest,
  SessionSlip,
  SessionSpeech,
  SessionMinutes,
  FollowUp,
  FollowUpUpdate,
  SessionShortening,
];
