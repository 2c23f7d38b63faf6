import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { FIELD_REASONS, REFUSAL_REASONS } from '@yishi/contracts';
import ts from 'typescript';
import { DomainError } from './domain-error';
import { conflict, forbidden, invalid } from './refusals';

describe('a conflict', () => {
  it('is a 409 CONFLICT whose details give the reason', () => {
    const error = conflict('closed', 'Voting has closed.');
    expect(error).toBeInstanceOf(DomainError);
    expect({ code: error.code, message: error.message, details: error.details }).toEqual({ code: 'CONFLICT', message: 'Voting has closed.', details: { reason: 'closed' } });
  });

  it('carries further details beside the reason', () => {
    expect(conflict('full', 'This briefing is full.', { capacity: 30 }).details).toEqual({ reason: 'full', capacity: 30 });
  });
});

describe('a refusal by a rule beyond the role', () => {
  it('is a 403 FORBIDDEN whose details give the reason', () => {
    const error = forbidden('same_person', 'A second person decides.');
    expect({ code: error.code, details: error.details }).toEqual({ code: 'FORBIDDEN', details: { reason: 'same_person' } });
  });
});

describe('an invalid field', () => {
  it('is a VALIDATION_FAILED naming the field, its reason and the message, as the validation pipe does', () => {
    const error = invalid('closesAt', 'invalid', 'Voting must close after it opens.');
    expect({ code: error.code, message: error.message, details: error.details }).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Voting must close after it opens.',
      details: { fields: [{ field: 'closesAt', reasons: ['invalid'], message: 'Voting must close after it opens.' }] },
    });
  });

  it('carries further details after the fields', () => {
    expect(invalid('present', 'invalid', 'Only people who signed up can be marked.', { userIds: ['u1'] }).details).toEqual({
      fields: [{ field: 'present', reasons: ['invalid'], message: 'Only people who signed up can be marked.' }],
      userIds: ['u1'],
    });
  });
});

/** Every reason word the API's services write as a literal, found in their source. */
function reasonsInSources(): { refusals: Map<string, string>; fields: Map<string, string> } {
  const root = path.join(__dirname, '..');
  const refusals = new Map<string, string>();
  const fields = new Map<string, string>();
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'seed' || entry.name === 'bench' ? [] : files(full);
      return /\.ts$/.test(entry.name) && !/\.(spec|int-spec|d)\.ts$/.test(entry.name) ? [full] : [];
    });
  for (const file of files(root)) {
    const where = path.relative(root, file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'DomainError') {
        const details = node.arguments?.[2];
        if (details && ts.isObjectLiteralExpression(details)) {
          for (const p of details.properties) {
            if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && (p.name.text === 'reason' || p.name.text === 'rule') && ts.isStringLiteral(p.initializer)) {
              refusals.set(p.initializer.text, where);
            }
          }
        }
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const [first, second, third] = node.arguments;
        if (/^(conflict|forbidden)$/.test(node.expression.text) && first && ts.isStringLiteral(first)) refusals.set(first.text, where);
        if (/^(invalid|invalidField)$/.test(node.expression.text) && third && second && ts.isStringLiteral(second)) fields.set(second.text, where);
      }
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'reasons' && ts.isArrayLiteralExpression(node.initializer)) {
        for (const e of node.initializer.elements) if (ts.isStringLiteral(e)) fields.set(e.text, where);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { refusals, fields };
}

describe('the reasons the services give', () => {
  const found = reasonsInSources();

  it('are found in the sources at all (the scan works)', () => {
    // Wherever the services sit after a move: one reason of a conflict, one of a field.
    expect(found.refusals.has('objection_window_over')).toBe(true);
    expect(found.fields.has('isNotEmpty')).toBe(true);
  });

  it('are each a RefusalReason of libs/contracts', () => {
    const unknown = [...found.refusals].filter(([reason]) => !(REFUSAL_REASONS as readonly string[]).includes(reason)).map(([reason, where]) => `${reason} (${where})`);
    expect(unknown).toEqual([]);
  });

  it('name each field problem by a FieldReason of libs/contracts', () => {
    const unknown = [...found.fields].filter(([reason]) => !(FIELD_REASONS as readonly string[]).includes(reason)).map(([reason, where]) => `${reason} (${where})`);
    expect(unknown).toEqual([]);
  });
});
