import { describe, expect, it } from '@jest/globals';
import { QueryClient } from '@tanstack/react-query';
import type { SessionState } from './auth';
import { loginPath, replaceSession, safeNextPath, SESSION_QUERY_KEY, SIGNED_OUT, wasSignedOutDeliberately } from './auth';

const signedIn: SessionState = {
  user: { id: 'u1', phone: '13800000011', displayName: '陈志强', grants: [] },
  csrfToken: 'token-1',
};

describe('safeNextPath', () => {
  it('keeps a path of this site, with its query', () => {
    expect(safeNextPath('/me', '/x')).toBe('/me');
    expect(safeNextPath('/console/nodes/1/audit?x=1', '/x')).toBe('/console/nodes/1/audit?x=1');
  });

  it('refuses anything that could leave the site', () => {
    for (const next of ['https://evil.example/', '//evil.example/me', '/\\evil.example', 'javascript:alert(1)', 'me', '/me\n']) {
      expect(safeNextPath(next, '/fallback')).toBe('/fallback');
    }
  });

  it('does not send a person back to the sign-in or sign-up page', () => {
    expect(safeNextPath('/login', '/me')).toBe('/me');
    expect(safeNextPath('/login?next=%2Fme', '/me')).toBe('/me');
    expect(safeNextPath('/signup?code=1', '/me')).toBe('/me');
    expect(safeNextPath(null, '/me')).toBe('/me');
  });
});

describe('loginPath', () => {
  it('carries the page to come back to', () => {
    expect(loginPath('/me')).toBe('/login?next=%2Fme');
    expect(loginPath('/console?x=1&y=2')).toBe('/login?next=%2Fconsole%3Fx%3D1%26y%3D2');
    expect(loginPath('/')).toBe('/login');
  });
});

describe('replaceSession', () => {
  it('forgets everything cached for the previous person and keeps the new session', () => {
    const client = new QueryClient();
    client.setQueryData(SESSION_QUERY_KEY, signedIn);
    client.setQueryData(['me', 'roll'], { households: [], compounds: [] });
    client.setQueryData(['roles', 'n1'], []);
    replaceSession(client, SIGNED_OUT);
    expect(client.getQueryData(SESSION_QUERY_KEY)).toEqual(SIGNED_OUT);
    expect(client.getQueryData(['me', 'roll'])).toBeUndefined();
    expect(client.getQueryData(['roles', 'n1'])).toBeUndefined();
  });

  it('remembers whether the person signed out themselves', () => {
    const client = new QueryClient();
    replaceSession(client, SIGNED_OUT, true);
    expect(wasSignedOutDeliberately()).toBe(true);
    replaceSession(client, signedIn);
    expect(wasSignedOutDeliberately()).toBe(false);
    replaceSession(client, SIGNED_OUT);
    expect(wasSignedOutDeliberately()).toBe(false);
  });
});
