/**
 * The words of the text messages (SMS and WeChat template fields), in Simplified Chinese: the
 * residents' language and the one Chinese SMS rules expect. `{{name}}` is filled from the notice.
 * Kept in this one file so that wording is reviewed apart from code (the web app's words live in
 * apps/web/src/i18n).
 */
export const MESSAGE_TEXTS_ZH = {
  signature: '【议事】',
  /** How to stop texts, on every SMS (opting out is required of bulk SMS in China). */
  optOut: '不想收短信：议事→我的→消息设置。',
  sms: {
    vote_opened: '“{{title}}”开始投票，{{closesAt}}截止。请在议事里投票，也可到社区服务站投纸质票。',
    vote_reminder: '提醒：“{{title}}”{{closesAt}}截止投票，您还没有参加。',
    vote_result_passed: '“{{title}}”表决结果已公布：通过。',
    vote_result_failed: '“{{title}}”表决结果已公布：未通过。',
    vote_result_objection: '您对“{{title}}”结果提出的异议已有答复。',
    session_announced: '议事会“{{title}}”{{startsAt}}在{{place}}召开，欢迎参加。',
    consultation_opened: '新的议事“{{title}}”开始了，欢迎发表意见。',
    comment_period_ending: '“{{title}}”征求意见{{endsAt}}截止，有意见请尽快提出。',
  },
  /** WeChat template fields: what happened (short), the matter, and the time that matters. */
  wechat: {
    vote_opened: '投票开始，请参加',
    vote_reminder: '您还没有投票',
    vote_result_passed: '结果公布：通过',
    vote_result_failed: '结果公布：未通过',
    vote_result_objection: '异议已有答复',
    session_announced: '议事会通知',
    consultation_opened: '新的议事，欢迎发表意见',
    comment_period_ending: '征求意见即将截止',
  },
  timeOf: {
    vote_opened: '截止时间',
    vote_reminder: '截止时间',
    session_announced: '开会时间',
    comment_period_ending: '截止时间',
  },
} as const;
