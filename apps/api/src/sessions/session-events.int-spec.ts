import { SESSION_COOKIE } from '@yishi/contracts';
import { HttpSession } from '../../test/http-session';
import type { RunningApi } from '../../test/run-built-api';
import { runBuiltApi } from '../../test/run-built-api';
import { createTestDatabase } from '../../test/test-app';
import { freePort } from '../database/embedded-postgres';
import { DEMO_PASSWORD } from '../seed/demo-data';
import type { InvitedPersonDto, SessionDto } from './dto/session.dto';

/** Convenor of 南村经济社 in the demo data. */
const CONVENOR_NANCUN = '13800000005';

/** Reads server-sent events from a stream, one `event:` name at a time. */
function eventReader(body: ReadableStream<Uint8Array>): { next(timeoutMs: number): Promise<string>; cancel(): Promise<void> } {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  // One read at a time: a read that outlives a timeout is kept for the next call, not lost.
  let pending: ReturnType<typeof reader.read> | null = null;
  return {
    async next(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.+)$/m.exec(block)?.[1];
          if (name && name !== 'heartbeat') return name;
          continue;
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('no event in time');
        pending ??= reader.read();
        let timer: NodeJS.Timeout | undefined;
        const chunk = await Promise.race([pending, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no event in time')), left)))]).finally(() => clearTimeout(timer));
        pending = null;
        if (chunk.done) throw new Error('the stream ended');
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

describe('a session watched on one API instance and changed on another', () => {
  const running: RunningApi[] = [];
  let drop: () => Promise<void>;
  let ports: [number, number];

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    ports = [await freePort(), await freePort()];
    // Two processes of the built API on one database, as two containers behind a proxy would be.
    for (const port of ports) {
      const api = runBuiltApi({ PORT: String(port), DATABASE_URL: database.url, EMBEDDED_PG_DIR: '/nonexistent/never-created' });
      running.push(api);
      await api.waitFor(/Press Ctrl-C/, 90_000);
    }
  }, 200_000);

  afterAll(async () => {
    for (const api of running) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    await drop();
  }, 60_000);

  it('reaches the screen on the other instance within a second of a check-in', async () => {
    const [a, b] = ports.map((port) => `http://127.0.0.1:${port}`) as [string, string];
    const convenor = await HttpSession.signedIn(a, CONVENOR_NANCUN, DEMO_PASSWORD);
    const me = await convenor.get<{ user: { grants: { role: string; nodeId: string; nodeName: string }[] } }>('/api/auth/session');
    const nancun = me.body.user.grants.find((g) => g.nodeName === '南村经济社' && g.role === 'convenor')!.nodeId;
    const created = await convenor.post<SessionDto>(`/api/nodes/${nancun}/sessions`, {
      kind: 'consultative',
      title: '村道修缮议事会',
      place: '南村经济社党支部组织生活馆',
      startsAt: new Date(Date.now() + 30 * 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
    });
    expect(created.status).toBe(201);
    expect((await convenor.post(`/api/sessions/${created.body.id}/announce`)).status).toBe(200);
    const [person] = (await convenor.get<InvitedPersonDto[]>(`/api/sessions/${created.body.id}/people?q=NC-007`)).body;

    // The room's screen, connected to the other instance.
    const cookie = `${SESSION_COOKIE}=${(convenor as unknown as { cookie: string }).cookie}`;
    const stream = await fetch(`${b}/api/sessions/${created.body.id}/events`, { headers: { cookie, accept: 'text/event-stream' } });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = eventReader(stream.body!);
    expect(await events.next(5000)).toBe('ready');

    // Until the check-in, nothing; then the screen hears of it within a second.
    await expect(events.next(300)).rejects.toThrow('no event in time');
    const sent = Date.now();
    const checkIn = await convenor.post(`/api/sessions/${created.body.id}/check-ins`, { personType: person!.personType, personId: person!.personId });
    expect(checkIn.status).toBe(200);
    expect(await events.next(1000)).toBe('change');
    expect(Date.now() - sent).toBeLessThan(1000);
    // A refused check-in (the same person twice) changes nothing and says nothing to the screen.
    expect((await convenor.post(`/api/sessions/${created.body.id}/check-ins`, { personType: person!.personType, personId: person!.personId })).status).toBe(409);
    await expect(events.next(500)).rejects.toThrow('no event in time');
    await events.cancel();

    // Someone without a role there is not let in to watch.
    const anonymous = await fetch(`${b}/api/sessions/${created.body.id}/events`);
    expect(anonymous.status).toBe(401);
  }, 60_000);
});
