import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SESSION_COOKIE } from '@yishi/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../common/actor';
import type { User } from '../users/entities/user.entity';
import { CurrentActor, OptionalActor, Public, SignedIn } from './access.decorators';
import { AuthService } from './auth.service';
import { LoginDto, PasswordResetDto, SessionStateDto, SignupDto, SignupResultDto, SmsCodeRequestDto, SmsCodeSentDto } from './dto/auth.dto';
import { LocalAuthGuard } from './local.strategy';
import { SESSION_TTL_SECONDS } from './session.service';
import { setCookieHeader } from './session-cookie';
import { ApiErrors } from '../openapi/api-errors.decorator';

type Request = FastifyRequest & { user?: unknown };

function setSessionCookie(req: Request, res: FastifyReply, token: string): void {
  res.header('Set-Cookie', setCookieHeader(SESSION_COOKIE, token, { maxAgeSeconds: SESSION_TTL_SECONDS, secure: req.protocol === 'https' }));
}

function clearSessionCookie(req: Request, res: FastifyReply): void {
  res.header('Set-Cookie', setCookieHeader(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: req.protocol === 'https' }));
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Get('session')
  @Public()
  @ApiOperation({ operationId: 'getSession', summary: 'Who is signed in on this browser, with the CSRF token for writes' })
  @ApiOkResponse({ type: SessionStateDto })
  session(@OptionalActor() actor: Actor | null): Promise<SessionStateDto> {
    return this.auth.currentState(actor);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiOperation({ operationId: 'login', summary: 'Sign in with a phone number and password (throttled per number and address)' })
  @ApiOkResponse({ type: SessionStateDto })
  @ApiErrors('INVALID_CREDENTIALS', 'ACCOUNT_DISABLED', 'TOO_MANY_REQUESTS')
  async login(@Body() _body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: FastifyReply): Promise<SessionStateDto> {
    const { token, state } = await this.auth.signIn(req.user as User);
    setSessionCookie(req, res, token);
    return state;
  }

  @Post('sms-code')
  @Public()
  @HttpCode(202)
  @ApiOperation({ operationId: 'requestSmsCode', summary: 'Send a one-time code to a mobile number: to sign up, or to reset a forgotten password' })
  @ApiAcceptedResponse({ type: SmsCodeSentDto })
  @ApiErrors('TOO_MANY_REQUESTS')
  requestSmsCode(@Body() body: SmsCodeRequestDto): Promise<SmsCodeSentDto> {
    return this.auth.requestSmsCode(body.phone, body.purpose);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(204)
  @ApiOperation({ operationId: 'resetPassword', summary: 'Set a new password with the code sent for a reset (purpose `reset`); every session of the account ends (throttled per number and address)' })
  @ApiNoContentResponse({ description: 'The password is changed: sign in with the new one' })
  @ApiErrors('PASSWORD_TOO_WEAK', 'INVALID_SMS_CODE', 'TOO_MANY_REQUESTS')
  async resetPassword(@Body() body: PasswordResetDto): Promise<void> {
    await this.auth.resetPassword(body);
  }

  @Post('signup')
  @Public()
  @ApiOperation({ operationId: 'signup', summary: 'Create an account with the SMS code, optionally linking it by an invitation code' })
  @ApiCreatedResponse({ type: SignupResultDto })
  @ApiErrors('PASSWORD_TOO_WEAK', 'INVALID_SMS_CODE', 'INVALID_INVITATION', 'PHONE_TAKEN', 'TOO_MANY_REQUESTS')
  async signup(@Body() body: SignupDto, @Req() req: Request, @Res({ passthrough: true }) res: FastifyReply): Promise<SignupResultDto> {
    const { token, state, invitation } = await this.auth.signUp(body);
    setSessionCookie(req, res, token);
    return { ...state, invitation };
  }

  @Post('logout')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ operationId: 'logout', summary: 'Sign out on this browser' })
  @ApiNoContentResponse()
  async logout(@CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    await this.auth.signOut(actor);
    clearSessionCookie(req, res);
  }

  @Post('logout-everywhere')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ operationId: 'logoutEverywhere', summary: 'Sign out on every device' })
  @ApiNoContentResponse()
  async logoutEverywhere(@CurrentActor() actor: Actor, @Req() req: Request, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    await this.auth.signOutEverywhere(actor);
    clearSessionCookie(req, res);
  }
}
