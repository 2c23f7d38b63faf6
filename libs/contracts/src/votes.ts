/**
 * The limits of a vote's request fields, shared by the API's validators (votes/lifecycle/dto) and
 * the web's 发起表决 form, as LIMITS does for consultations. Lengths count characters (code
 * points), as PostgreSQL's length() does; the database checks the title and the two day counts
 * again (`vote_title_length`, `vote_proxy_cap_range`, `vote_objection_days_range`).
 */
export const VOTE_LIMITS = {
  /** Documents a vote carries (quotes, contracts, plans): at most … */
  attachments: 10,
  /** … each with a title of 1–200 characters. */
  attachmentTitle: 200,
  /** Title (and its English version): 1–300 characters. */
  title: 300,
  /** The question put to the voters (and its English version): 1–1000 characters, line breaks allowed. */
  question: 1000,
  /** A poll's option label (and its English version): 1–100 characters. */
  optionLabel: 100,
  /** A poll's option id: 1–20 of a–z, 0–9 and '-'. */
  optionId: 20,
  /** Options of a poll: at least … */
  optionsMin: 2,
  /** … and at most. */
  optionsMax: 20,
  /** Principals one agent may vote for: at least … */
  proxyCapMin: 1,
  /** … and at most. */
  proxyCapMax: 100,
  /** Days for objections after the provisional result: at least … */
  objectionDaysMin: 0,
  /** … and at most. */
  objectionDaysMax: 60,
  /** A reason for shortening the notice or the window, a shortening decision's note, a cancellation's reason: at most. */
  reason: 500,
  /** A shortening decision's note and a cancellation's reason: at least (a shortening reason: 1). */
  noteMin: 2,
  /** A cast's choice ("approve", "oppose", "abstain" or an option id): 1–20 characters. */
  choice: 20,
  /** An assembly's ballot: matters on one paper, at most … */
  matters: 10,
  /** … each with a short title of 1–60 characters. */
  matterTitle: 60,
  /** An election: seats to fill, at most … */
  seats: 15,
  /** … and candidates, at most. */
  candidates: 30,
  /** A candidate's name: 1–40 characters … */
  candidateName: 40,
  /** … and their statement: 1–500. */
  candidateStatement: 500,
  /** A matter or candidate id on a ballot (m1, c12). */
  markId: 8,
} as const;

/** What a new vote gets when the request leaves it out. */
export const VOTE_DEFAULTS = {
  proxyCap: 1,
  objectionDays: 7,
} as const;

/** A poll's option id, as the API accepts it (a, b, c … or o27 …). */
export const POLL_OPTION_ID = /^[a-z0-9-]{1,20}$/;

/** A voter id as the API hands it out (`v-` and at least 8 hex digits). */
export const VOTER_ID = /^v-[0-9a-f]{8,}$/;
