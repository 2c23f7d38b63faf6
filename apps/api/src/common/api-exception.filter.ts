import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, HttpException, Logger } from '@nestjs/common';
import type { ErrorBody, ErrorCode } from '@yishi/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { codeForStatus, statusForCode } from './error-status';

interface PgError {
  code?: string;
  constraint?: string;
  table?: string;
}

/** Messages for errors that do not come from our own services, per code. */
const GENERIC_MESSAGES: Partial<Record<ErrorCode, string>> = {
  MALFORMED_REQUEST: 'The request could not be read: check that the body is valid JSON.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  ROUTE_NOT_FOUND: 'There is no such address in the API.',
  METHOD_NOT_ALLOWED: 'This address does not accept that method.',
  UNSUPPORTED_MEDIA_TYPE: 'Send the request body as application/json.',
  SERVICE_UNAVAILABLE: 'The service is not available right now; try again shortly.',
  INTERNAL_ERROR: 'Something went wrong on our side. Nothing you sent was lost; please try again, and tell the staff if it happens again.',
};

/**
 * The one exception filter: every error leaves the API as `{ code, message, details }`.
 * Unknown errors are logged with the request id and answered with a 500 that reveals nothing.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = this.toBody(exception);
    const status = statusForCode(body.code);
    if (status >= 500 && body.code !== 'SERVICE_UNAVAILABLE') {
      this.logger.error({ err: exception, requestId: request.id, path: request.url }, 'unhandled error');
    }
    if (response.sent || response.raw.headersSent) {
      return;
    }
    const retryAfter = body.details?.['retryAfterSeconds'];
    if (status === 429 && typeof retryAfter === 'number') {
      response.header('Retry-After', String(retryAfter));
    }
    void response.status(status).send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return { code: exception.code, message: exception.message, details: exception.details };
    }
    // One of ours thrown inside a library that gave it a status, which Nest then wrapped: it
    // keeps its own code and details.
    if (exception instanceof HttpException && exception.cause instanceof DomainError) {
      return this.toBody(exception.cause);
    }
    if (exception instanceof QueryFailedError) {
      const pg = exception.driverError as PgError;
      if (pg.code?.startsWith('23')) {
        return {
          code: 'CONFLICT',
          message: 'The change conflicts with data already saved; nothing was changed.',
          details: { constraint: pg.constraint ?? null },
        };
      }
      return { code: 'INTERNAL_ERROR', message: GENERIC_MESSAGES.INTERNAL_ERROR!, details: null };
    }
    if (exception instanceof HttpException) {
      const code = codeForStatus(exception.getStatus());
      const response = exception.getResponse();
      const details = code === 'SERVICE_UNAVAILABLE' && typeof response === 'object' ? (response as Record<string, unknown>) : null;
      return { code, message: GENERIC_MESSAGES[code] ?? exception.message, details };
    }
    const given = exception as { status?: unknown; statusCode?: unknown } | null;
    const status = given?.statusCode ?? given?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Errors of Fastify and its plugins that Nest did not wrap (malformed JSON, too large).
      const code = codeForStatus(status);
      return { code, message: GENERIC_MESSAGES[code] ?? 'The request could not be processed.', details: null };
    }
    return { code: 'INTERNAL_ERROR', message: GENERIC_MESSAGES.INTERNAL_ERROR!, details: null };
  }
}
