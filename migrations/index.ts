// Every migration, in order. A new migration is generated with `npm run db:generate -- <Name>`,
// read, completed by hand where TypeORM cannot express a rule (triggers), and added here.
import { Foundation1795669365800 } from './1795669365800-Foundation';
import { Accounts1795671771526 } from './1795671771526-Accounts';
import { RollRevisions1795672541935 } from './1795672541935-RollRevisions';
import { Consultations1795675318360 } from './1795675318360-Consultations';
import { NotificationKinds1795677652603 } from './1795677652603-NotificationKinds';
import { Votes1795677910184 } from './1795677910184-Votes';
import { VoterLookupIndexes1795682742110 } from './1795682742110-VoterLookupIndexes';
import { CheckInIndex1795690000000 } from './1795690000000-CheckInIndex';
import { PaperNotes1795690100000 } from './1795690100000-PaperNotes';
import { OneAccountOnePerson1796396503485 } from './1796396503485-OneAccountOnePerson';
import { PublicResultLinks1796396693893 } from './1796396693893-PublicResultLinks';
import { VoteSafeguards1796397326128 } from './1796397326128-VoteSafeguards';
import { DiscussionSessions1796421924505 } from './1796421924505-DiscussionSessions';
import { SessionAgenda1796422649846 } from './1796422649846-SessionAgenda';
import { SessionProxies1796425558835 } from './1796425558835-SessionProxies';
import { SessionNotices1796426400000 } from './1796426400000-SessionNotices';
import { SessionRoom1796431043639 } from './1796431043639-SessionRoom';
import { SessionShortenings1796432657613 } from './1796432657613-SessionShortenings';
import { SessionGuestAgents1796433600000 } from './1796433600000-SessionGuestAgents';
import { MinutesKept1796434200000 } from './1796434200000-MinutesKept';
import { SessionInvites1796434516645 } from './1796434516645-SessionInvites';
import { VoteContacts1796435723250 } from './1796435723250-VoteContacts';
import { MessagesBeyondTheApp1796457161755 } from './1796457161755-MessagesBeyondTheApp';
import { VoteAttachments1796459249571 } from './1796459249571-VoteAttachments';
import { InPersonReset1796460445817 } from './1796460445817-InPersonReset';
import { InPersonResetNotice1796461428215 } from './1796461428215-InPersonResetNotice';
import { AssemblyBallots1796470000000 } from './1796470000000-AssemblyBallots';
import { StreetScaleIndexes1796480000000 } from './1796480000000-StreetScaleIndexes';
import { RollFigures1796490000000 } from './1796490000000-RollFigures';
import { OpinionFigures1796500000000 } from './1796500000000-OpinionFigures';
import { NaturalSortKeys1796510000000 } from './1796510000000-NaturalSortKeys';
import { StoredAncestry1796520000000 } from './1796520000000-StoredAncestry';
import { PublishedVersionsWhole1796530000000 } from './1796530000000-PublishedVersionsWhole';
import { OpinionRevisions1796540000000 } from './1796540000000-OpinionRevisions';
import { VoterGroups1796550000000 } from './1796550000000-VoterGroups';

export const MIGRATIONS = [Foundation1795669365800, Accounts1795671771526, RollRevisions1795672541935, Consultations1795675318360, NotificationKinds1795677652603, Votes1795677910184, VoterLookupIndexes1795682742110, CheckInIndex1795690000000, PaperNotes1795690100000, OneAccountOnePerson1796396503485, PublicResultLinks1796396693893, VoteSafeguards1796397326128, DiscussionSessions1796421924505, SessionAgenda1796422649846, SessionProxies1796425558835, SessionNotices1796426400000, SessionRoom1796431043639, SessionShortenings1796432657613, SessionGuestAgents1796433600000, MinutesKept1796434200000, SessionInvites1796434516645, VoteContacts1796435723250, MessagesBeyondTheApp1796457161755, VoteAttachments1796459249571, InPersonReset1796460445817, InPersonResetNotice1796461428215, AssemblyBallots1796470000000, StreetScaleIndexes1796480000000, RollFigures1796490000000, OpinionFigures1796500000000, NaturalSortKeys1796510000000, StoredAncestry1796520000000, PublishedVersionsWhole1796530000000, OpinionRevisions1796540000000, VoterGroups1796550000000];
