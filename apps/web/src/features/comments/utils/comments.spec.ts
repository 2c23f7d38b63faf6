import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../../lib/api-client';
import { translator } from '../../../i18n/testing';
import { commentAvailability } from './availability';
import { commentError } from './comment-errors';
import { versionCounts } from './counts';
import { findComment } from './find-comment';
import { mergeReportPages, reportVersions } from './report';

describe('finding a comment from a notification', () => {
  const threads = [
    { id: 'a', versionNumber: 1, clauseNumber: 3, replies: [{ id: 'a1' }] },
    { id: 'B', versionNumber: 2, clauseNumber: null, replies: [] },
  ];

  it('finds a top-level comment or a reply, with its version and clause', () => {
    expect(findComment(threads, 'a')).toEqual({ versionNumber: 1, clauseNumber: 3, threadId: 'a' });
    expect(findComment(threads, 'a1')).toEqual({ versionNumber: 1, clauseNumber: 3, threadId: 'a' });
    expect(findComment(threads, 'b')).toEqual({ versionNumber: 2, clauseNumber: null, threadId: 'B' });
  });

  it('finds nothing that is not there', () => {
    expect(findComment(threads, 'zz')).toBeNull();
  });
});

describe('counts per place', () => {
  it('add up one version’s clauses and whole-draft comments', () => {
    const counts = versionCounts(
      [
        { versionId: 'v1', clauseId: null, comments: 2 },
        { versionId: 'v1', clauseId: 'c3', comments: 4 },
        { versionId: 'v2', clauseId: 'c9', comments: 7 },
      ],
      'v1',
    );
    expect(counts.wholeDraft).toBe(2);
    expect(counts.byClause.get('c3')).toBe(4);
    expect(counts.byClause.has('c9')).toBe(false);
    expect(counts.total).toBe(6);
    expect(versionCounts(undefined, 'v1').total).toBe(0);
  });
});

describe('whether I can comment', () => {
  it('is open in the comment period, on the current version, for a participant', () => {
    expect(commentAvailability({ phase: 'comment', canParticipate: true, isCurrentVersion: true })).toBe('open');
  });

  it('says why not: too early, too late, an older version, not a resident of the units', () => {
    expect(commentAvailability({ phase: 'briefing', canParticipate: true, isCurrentVersion: true })).toBe('notYet');
    expect(commentAvailability({ phase: 'voting', canParticipate: true, isCurrentVersion: true })).toBe('closed');
    expect(commentAvailability({ phase: 'comment', canParticipate: true, isCurrentVersion: false })).toBe('olderVersion');
    expect(commentAvailability({ phase: 'comment', canParticipate: false, isCurrentVersion: true })).toBe('notParticipant');
  });
});

describe('comment errors', () => {
  it('explain the refusals of the API in the resident’s language', async () => {
    const zh = await translator('zh-CN');
    const closed = new ApiError('CONFLICT', 409, 'closed', { phase: 'revision', rule: 'comment_phase' });
    expect(commentError(closed, zh, 1000)).toEqual({ message: expect.stringContaining('征求意见') as unknown as string, onField: false });
    const newer = new ApiError('CONFLICT', 409, 'newer', { rule: 'current_version', currentVersionNumber: 3 });
    expect(commentError(newer, zh, 1000).message).toContain('第 3 版');
    const tooLong = new ApiError('VALIDATION_FAILED', 422, 'long', { fields: [{ field: 'body', reasons: ['maxLength'], message: '' }] });
    expect(commentError(tooLong, zh, 1000)).toEqual({ message: expect.stringContaining('1000') as unknown as string, onField: true });
    const en = await translator('en');
    expect(commentError(new ApiError('CONFLICT', 409, 'x', { rule: 'already_reported' }), en, 500).message).toMatch(/already reported/i);
  });

  it('fall back to the message for the error code', async () => {
    const zh = await translator('zh-CN');
    expect(commentError(new ApiError('NETWORK_ERROR', 0, 'x'), zh, 1000).message).toBe(zh('errors.NETWORK_ERROR'));
  });
});

describe('the adoption report', () => {
  it('groups its sections under their version, in the order given', () => {
    const sections = [
      { versionId: 'v1', versionNumber: 1, versionTitle: '草案', clauseNumber: null },
      { versionId: 'v1', versionNumber: 1, versionTitle: '草案', clauseNumber: 3 },
      { versionId: 'v2', versionNumber: 2, versionTitle: '草案（修改稿）', clauseNumber: 1 },
    ];
    const versions = reportVersions(sections);
    expect(versions.map((v) => [v.versionNumber, v.sections.map((s) => s.clauseNumber)])).toEqual([
      [1, [null, 3]],
      [2, [1]],
    ]);
  });

  it('joins the pages read so far, making one section again of a clause a page boundary cut in two', () => {
    const pages = [
      { sections: [{ versionId: 'v1', clauseId: null, items: [1, 2] }, { versionId: 'v1', clauseId: 'c3', items: [3] }] },
      { sections: [{ versionId: 'v1', clauseId: 'c3', items: [4, 5] }, { versionId: 'v2', clauseId: 'c3', items: [6] }] },
      { sections: [{ versionId: 'v2', clauseId: 'c4', items: [7] }] },
    ];
    expect(mergeReportPages(pages).map((s) => [s.versionId, s.clauseId, s.items])).toEqual([
      ['v1', null, [1, 2]],
      ['v1', 'c3', [3, 4, 5]],
      ['v2', 'c3', [6]],
      ['v2', 'c4', [7]],
    ]);
    expect(pages[0]!.sections[1]!.items).toEqual([3]); // the pages themselves are left as they came
  });
});
