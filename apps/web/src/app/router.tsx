import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { InboxBell } from '../features/notifications/components/inbox-bell';
import { AppErrorRoute } from './routes/app-error';
import { RequireAuth, RequireConsole } from './routes/guards';
import { HomeRoute } from './routes/home';
import { NotFoundRoute } from './routes/not-found';
import { fetchRefusalWords, withPageStrings } from '../i18n/page-strings';

/*
 * The main bundle holds the frame every page shares (header, language, session, the guards), the
 * home page and "not found". Every other resident page is a chunk of its own, fetched when it is
 * first shown (React.lazy; the layout's Suspense shows 加载中… meanwhile, and a later navigation
 * keeps the current page until the next one is there), with the libraries only it needs (QR codes
 * on a result notice, text diffs on a draft): a resident's phone downloads the frame and the page
 * it opened, not the whole app. Each page's words come with it (`withPageStrings`: the strings
 * its module needs beyond the frame's, in the language on screen).
 *
 * The staff console is one chunk of its own (every page below comes from the same module):
 * React.lazy components render only past RequireConsole, so a resident's phone never downloads
 * it, not even by typing /console. (A route `lazy` would be fetched while matching, before any
 * guard could say no.)
 */
const loginPages = () => withPageStrings('login', import('./routes/login'));
const LoginRoute = lazy(() => loginPages().then((m) => ({ default: m.LoginRoute })));
const ResetPasswordRoute = lazy(() => loginPages().then((m) => ({ default: m.ResetPasswordRoute })));
const SignupRoute = lazy(() => withPageStrings('signup', import('./routes/signup')).then((m) => ({ default: m.SignupRoute })));
const PublicResultRoute = lazy(() => withPageStrings('public-result', import('./routes/public-result')).then((m) => ({ default: m.PublicResultRoute })));
const mePages = () => withPageStrings('me', import('./routes/me'));
const MeRoute = lazy(() => mePages().then((m) => ({ default: m.MeRoute })));
const MessagesRoute = lazy(() => mePages().then((m) => ({ default: m.MessagesRoute })));
const InboxRoute = lazy(() => withPageStrings('inbox', import('./routes/inbox')).then((m) => ({ default: m.InboxRoute })));
const ConsultationRoute = lazy(() => withPageStrings('consultation', import('./routes/consultation')).then((m) => ({ default: m.ConsultationRoute })));
const ConsultationReportRoute = lazy(() => withPageStrings('consultation-report', import('./routes/consultation-report')).then((m) => ({ default: m.ConsultationReportRoute })));
const UnitRoute = lazy(() => withPageStrings('unit', import('./routes/unit')).then((m) => ({ default: m.UnitRoute })));
const topicPages = () => withPageStrings('topics', import('./routes/topics'));
const UnitTopicsRoute = lazy(() => topicPages().then((m) => ({ default: m.UnitTopicsRoute })));
const NewTopicRoute = lazy(() => topicPages().then((m) => ({ default: m.NewTopicRoute })));
const TopicRoute = lazy(() => topicPages().then((m) => ({ default: m.TopicRoute })));
const sessionPages = () => withPageStrings('session', import('./routes/session'));
const SessionRoute = lazy(() => sessionPages().then((m) => ({ default: m.SessionRoute })));
const SessionMinutesRoute = lazy(() => sessionPages().then((m) => ({ default: m.SessionMinutesRoute })));
const SessionCheckInRoute = lazy(() => withPageStrings('session-check-in', import('./routes/session-check-in')).then((m) => ({ default: m.SessionCheckInRoute })));
const VoteRoute = lazy(() => withPageStrings('vote', import('./routes/vote')).then((m) => ({ default: m.VoteRoute })));
const VoteBoardRoute = lazy(() => withPageStrings('vote-board', import('./routes/vote-board')).then((m) => ({ default: m.VoteBoardRoute })));
const VoteResultRoute = lazy(() => withPageStrings('vote-result', import('./routes/vote-result')).then((m) => ({ default: m.VoteResultRoute })));

const consolePages = () => import('./routes/console/console');
const ConsoleHome = lazy(() => consolePages().then((m) => ({ default: m.ConsoleHomeRoute })));
const ConsoleNode = lazy(() => consolePages().then((m) => ({ default: m.ConsoleNodeRoute })));
const ConsoleNodeIndex = lazy(() => consolePages().then((m) => ({ default: m.ConsoleNodeIndexRoute })));
const ConsoleRoll = lazy(() => consolePages().then((m) => ({ default: m.ConsoleRollRoute })));
const ConsoleRollImport = lazy(() => consolePages().then((m) => ({ default: m.ConsoleRollImportRoute })));
const ConsoleRollRevisions = lazy(() => consolePages().then((m) => ({ default: m.ConsoleRollRevisionsRoute })));
const ConsoleLetters = lazy(() => consolePages().then((m) => ({ default: m.ConsoleLettersRoute })));
const ConsoleAccounts = lazy(() => consolePages().then((m) => ({ default: m.ConsoleAccountsRoute })));
const ConsoleRoles = lazy(() => consolePages().then((m) => ({ default: m.ConsoleRolesRoute })));
const ConsoleAudit = lazy(() => consolePages().then((m) => ({ default: m.ConsoleAuditRoute })));
const ConsoleConsultations = lazy(() => consolePages().then((m) => ({ default: m.ConsoleConsultationsRoute })));
const ConsoleNewConsultation = lazy(() => consolePages().then((m) => ({ default: m.ConsoleNewConsultationRoute })));
const ConsoleTopics = lazy(() => consolePages().then((m) => ({ default: m.ConsoleTopicsRoute })));
const ConsoleConsultation = lazy(() => consolePages().then((m) => ({ default: m.ConsoleConsultationRoute })));
const ConsoleConsultationOverview = lazy(() => consolePages().then((m) => ({ default: m.ConsoleConsultationOverviewRoute })));
const ConsoleConsultationDraft = lazy(() => consolePages().then((m) => ({ default: m.ConsoleConsultationDraftRoute })));
const ConsoleConsultationOpinions = lazy(() => consolePages().then((m) => ({ default: m.ConsoleConsultationOpinionsRoute })));
const ConsoleConsultationBriefings = lazy(() => consolePages().then((m) => ({ default: m.ConsoleConsultationBriefingsRoute })));
const ConsoleVotes = lazy(() => consolePages().then((m) => ({ default: m.ConsoleVotesRoute })));
const ConsoleNewVote = lazy(() => consolePages().then((m) => ({ default: m.ConsoleNewVoteRoute })));
const ConsoleVote = lazy(() => consolePages().then((m) => ({ default: m.ConsoleVoteRoute })));
const ConsoleVoteOverview = lazy(() => consolePages().then((m) => ({ default: m.ConsoleVoteOverviewRoute })));
const ConsoleVotePapers = lazy(() => consolePages().then((m) => ({ default: m.ConsoleVotePapersRoute })));
const ConsoleVoteProxies = lazy(() => consolePages().then((m) => ({ default: m.ConsoleVoteProxiesRoute })));
const ConsoleVoteObjections = lazy(() => consolePages().then((m) => ({ default: m.ConsoleVoteObjectionsRoute })));
const ConsoleVoteMissing = lazy(() => consolePages().then((m) => ({ default: m.ConsoleVoteMissingRoute })));
const ConsoleVotePrint = lazy(() => consolePages().then((m) => ({ default: m.ConsoleVotePrintRoute })));
const ConsoleSessions = lazy(() => consolePages().then((m) => ({ default: m.ConsoleSessionsRoute })));
const ConsoleNewSession = lazy(() => consolePages().then((m) => ({ default: m.ConsoleNewSessionRoute })));
const ConsoleSession = lazy(() => consolePages().then((m) => ({ default: m.ConsoleSessionRoute })));
const ConsoleSessionScreen = lazy(() => consolePages().then((m) => ({ default: m.ConsoleSessionScreenRoute })));
const ConsoleSessionNotice = lazy(() => consolePages().then((m) => ({ default: m.ConsoleSessionNoticeRoute })));
// A session's officers may be residents with no console role: their pages are a chunk of their own.
// The room's slips show the API's refusals as they are, not only after the officer acts.
const sessionRoomPages = () => Promise.all([withPageStrings('session-room-pages', import('./routes/session-room-pages')), fetchRefusalWords()]).then(([m]) => m);
const SessionRoom = lazy(() => sessionRoomPages().then((m) => ({ default: m.SessionRoomRoute })));
const SessionMinutesEdit = lazy(() => sessionRoomPages().then((m) => ({ default: m.SessionMinutesEditRoute })));

export const routes: RouteObject[] = [
  // The room's screen (投屏) fills a projector: the console's guards, none of the app's header.
  {
    path: 'console/sessions/:sessionId/screen',
    errorElement: <AppErrorRoute />,
    element: <RequireAuth />,
    children: [{ element: <RequireConsole />, children: [{ index: true, element: <ConsoleSessionScreen /> }] }],
  },
  {
    element: <AppLayout navExtras={<InboxBell />} />,
    errorElement: <AppErrorRoute />,
    children: [
      {
        // Errors inside a page keep the header (language, large text) around the message.
        errorElement: <AppErrorRoute />,
        children: [
          { index: true, element: <HomeRoute /> },
          { path: 'login', element: <LoginRoute /> },
          { path: 'reset-password', element: <ResetPasswordRoute /> },
          { path: 'signup', element: <SignupRoute /> },
          // A published result's public page, from the QR code on the paper notice: no account.
          { path: 'r/:token', element: <PublicResultRoute /> },
          {
            element: <RequireAuth />,
            children: [
              { path: 'me', element: <MeRoute /> },
              { path: 'me/messages', element: <MessagesRoute /> },
              // Residents' matters: the inbox, consultations, the adoption report, topics.
              { path: 'inbox', element: <InboxRoute /> },
              { path: 'consultations/:consultationId', element: <ConsultationRoute /> },
              { path: 'consultations/:consultationId/report', element: <ConsultationReportRoute /> },
              { path: 'units/:unitId', element: <UnitRoute /> },
              { path: 'units/:unitId/topics', element: <UnitTopicsRoute /> },
              { path: 'units/:unitId/topics/new', element: <NewTopicRoute /> },
              { path: 'topics/:topicId', element: <TopicRoute /> },
              // Discussion sessions: what, when, where, the agenda, and the quorum while it is on.
              { path: 'sessions/:sessionId', element: <SessionRoute /> },
              { path: 'sessions/:sessionId/check-in', element: <SessionCheckInRoute /> },
              { path: 'sessions/:sessionId/minutes', element: <SessionMinutesRoute /> },
              { path: 'sessions/:sessionId/room', element: <SessionRoom /> },
              { path: 'sessions/:sessionId/minutes/edit', element: <SessionMinutesEdit /> },
              // Votes: the ballot, the bulletin board of receipts, the result notice.
              { path: 'votes/:voteId', element: <VoteRoute /> },
              { path: 'votes/:voteId/board', element: <VoteBoardRoute /> },
              { path: 'votes/:voteId/result', element: <VoteResultRoute /> },
              {
                path: 'console',
                element: <RequireConsole />,
                children: [
                  { index: true, element: <ConsoleHome /> },
                  {
                    path: 'nodes/:nodeId',
                    element: <ConsoleNode />,
                    children: [
                      { index: true, element: <ConsoleNodeIndex /> },
                      { path: 'roll', element: <ConsoleRoll /> },
                      { path: 'roll/import', element: <ConsoleRollImport /> },
                      { path: 'roll/revisions', element: <ConsoleRollRevisions /> },
                      { path: 'letters', element: <ConsoleLetters /> },
                      { path: 'accounts', element: <ConsoleAccounts /> },
                      { path: 'roles', element: <ConsoleRoles /> },
                      { path: 'audit', element: <ConsoleAudit /> },
                      { path: 'consultations', element: <ConsoleConsultations /> },
                      { path: 'consultations/new', element: <ConsoleNewConsultation /> },
                      { path: 'topics', element: <ConsoleTopics /> },
                      { path: 'votes', element: <ConsoleVotes /> },
                      { path: 'votes/new', element: <ConsoleNewVote /> },
                      { path: 'sessions', element: <ConsoleSessions /> },
                      { path: 'sessions/new', element: <ConsoleNewSession /> },
                    ],
                  },
                  {
                    path: 'consultations/:consultationId',
                    element: <ConsoleConsultation />,
                    children: [
                      { index: true, element: <ConsoleConsultationOverview /> },
                      { path: 'draft', element: <ConsoleConsultationDraft /> },
                      { path: 'opinions', element: <ConsoleConsultationOpinions /> },
                      { path: 'briefings', element: <ConsoleConsultationBriefings /> },
                    ],
                  },
                  {
                    path: 'votes/:voteId',
                    element: <ConsoleVote />,
                    children: [
                      { index: true, element: <ConsoleVoteOverview /> },
                      { path: 'papers', element: <ConsoleVotePapers /> },
                      { path: 'proxies', element: <ConsoleVoteProxies /> },
                      { path: 'objections', element: <ConsoleVoteObjections /> },
                      { path: 'missing', element: <ConsoleVoteMissing /> },
                    ],
                  },
                  { path: 'votes/:voteId/print', element: <ConsoleVotePrint /> },
                  { path: 'sessions/:sessionId', element: <ConsoleSession /> },
                  { path: 'sessions/:sessionId/notice', element: <ConsoleSessionNotice /> },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

const router = createBrowserRouter(routes);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
