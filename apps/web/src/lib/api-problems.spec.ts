import { describe, expect, it } from '@jest/globals';
import { ApiError } from './api-client';
import { conflictReason, detailNumber, detailNumbers, invalidFieldPaths } from './api-problems';

const invalid = (fields: unknown) => new ApiError('VALIDATION_FAILED', 400, 'x', { fields });

describe('invalidFieldPaths', () => {
  it('lists the fields a validation error names', () => {
    expect(invalidFieldPaths(invalid([{ field: 'clauses.2.body', reasons: ['isNotEmpty'], message: 'x' }, { field: 'title' }]))).toEqual(['clauses.2.body', 'title']);
  });

  it('gives nothing for other errors or odd details', () => {
    expect(invalidFieldPaths(invalid('nope'))).toEqual([]);
    expect(invalidFieldPaths(invalid([null, { field: 3 }]))).toEqual([]);
    expect(invalidFieldPaths(new ApiError('CONFLICT', 409, 'x', { fields: [{ field: 'a' }] }))).toEqual([]);
    expect(invalidFieldPaths(new Error('boom'))).toEqual([]);
  });
});

describe('conflictReason', () => {
  it('reads details.reason, else details.rule, of a 409', () => {
    expect(conflictReason(new ApiError('CONFLICT', 409, 'x', { reason: 'version_published', number: 1 }))).toBe('version_published');
    expect(conflictReason(new ApiError('CONFLICT', 409, 'x', { rule: 'reply_phase', phase: 'draft' }))).toBe('reply_phase');
    expect(conflictReason(new ApiError('CONFLICT', 409, 'x', { phase: 'comment' }))).toBeNull();
    expect(conflictReason(new ApiError('FORBIDDEN', 403, 'x', { reason: 'not_author' }))).toBeNull();
  });
});

describe('detail numbers', () => {
  it('read numbers and lists of numbers, ignoring the rest', () => {
    const error = new ApiError('CONFLICT', 409, 'x', { numbers: [3, '4', 5], taken: 12, max: 'ten' });
    expect(detailNumbers(error, 'numbers')).toEqual([3, 5]);
    expect(detailNumber(error, 'taken')).toBe(12);
    expect(detailNumber(error, 'max')).toBeNull();
    expect(detailNumbers(new Error('x'), 'numbers')).toEqual([]);
  });
});
