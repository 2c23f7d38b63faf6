import type { LoggerService } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import pino from 'pino';
import type { Env } from '../config/env';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** The process's one log: JSON lines on stdout, written synchronously so they stay in order with the start-up banner. */
export function createLog(level: Env['LOG_LEVEL']): pino.Logger {
  return pino({ level, serializers: { err: pino.stdSerializers.err } }, pino.destination({ dest: 1, sync: true }));
}

/**
 * Nest's messages (start-up, the exception filter's unhandled errors, jobs) on the same log, as
 * `{ context, msg }` lines; an object first (`logger.error({ err, requestId }, 'unhandled error')`)
 * is merged into the line, as pino does.
 */
export class NestLog implements LoggerService {
  constructor(private readonly pino: pino.Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const rest = [...params];
    // Nest's Logger appends its context last (after an `undefined` stack when none was given).
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (message instanceof Error) {
      this.pino[level]({ ...fields, err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      const text = typeof rest[0] === 'string' ? rest[0] : undefined;
      this.pino[level]({ ...fields, ...(message as Record<string, unknown>) }, text);
    } else {
      if (level === 'error' && typeof rest[0] === 'string') fields['stack'] = rest[0];
      this.pino[level](fields, String(message));
    }
  }
}

/**
 * One line per answered request, as pino-http wrote it: which request (id, method, URL) and how
 * it ended (status, time). No headers, ever: they carry the session cookie and the CSRF token.
 * The health check, asked every few seconds by a supervisor, is not logged.
 */
export function logRequests(log: pino.Logger): (request: FastifyRequest, reply: FastifyReply, done: () => void) => void {
  return (request, reply, done) => {
    if (request.url !== '/api/health' && log.isLevelEnabled('info')) {
      const line = { req: { id: request.id, method: request.method, url: request.url }, res: { statusCode: reply.statusCode }, responseTime: Math.round(reply.elapsedTime) };
      if (reply.statusCode >= 500) log.error(line, 'request errored');
      else log.info(line, 'request completed');
    }
    done();
  };
}
