import { SetMetadata } from '@nestjs/common';
import type { ErrorCode } from '@yishi/contracts';

export const API_ERRORS = 'yishi:api-errors';

/**
 * Error codes a route can answer beyond those its shape already implies (see `routeErrorCodes`):
 * what its service throws — `CONFLICT` for a state that forbids the change, `TOO_MANY_REQUESTS`
 * for a rate limit, `FORBIDDEN` on a signed-in route that checks more than a permission…
 * Only documentation: the services decide what they throw.
 */
export const ApiErrors = (...codes: ErrorCode[]): MethodDecorator & ClassDecorator => SetMetadata(API_ERRORS, codes);
