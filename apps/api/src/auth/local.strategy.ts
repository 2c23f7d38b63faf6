import type { ExecutionContext } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { DomainError } from '../common/domain-error';
import { createValidationPipe } from '../common/validation';
import type { User } from '../users/entities/user.entity';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/auth.dto';

/** passport-local: a phone number and a password. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'phone', passwordField: 'password' });
  }

  validate(phone: string, password: string): Promise<User> {
    return this.auth.verifyCredentials(phone, password);
  }
}

/** Runs the body through the same validation as every route before passport-local reads it. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    request.body = (await createValidationPipe().transform(request.body, { type: 'body', metatype: LoginDto })) as LoginDto;
    return super.canActivate(context) as Promise<boolean>;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error instanceof Error) throw error;
    if (error) throw new DomainError('UNAUTHENTICATED', 'Please sign in first.');
    if (!user) throw new DomainError('INVALID_CREDENTIALS', 'The phone number or the password is wrong.');
    return user;
  }
}
