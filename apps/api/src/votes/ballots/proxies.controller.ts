import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Permission } from '../../auth/access.decorators';
import type { Actor } from '../../common/actor';
import type { Upload } from '../../storage/stored-files.service';
import { uploadLimits } from '../../storage/stored-files.service';
import { ProxyDto, ProxyListDto, RecordProxyFieldsDto, RecordProxyUploadDto, RevokeProxyDto } from './dto/proxy.dto';
import { ProxiesService } from './proxies.service';
import { ApiErrors } from '../../openapi/api-errors.decorator';

/** Proxies (委托): recorded with the scan of the authorisation, checked against the rule set, revoked; the list is public to the vote's readers. */
@ApiTags('votes')
@Controller('votes/:id/proxies')
export class ProxiesController {
  constructor(private readonly proxies: ProxiesService) {}

  @Post()
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @UseInterceptors(FileInterceptor('file', uploadLimits(1)))
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ type: RecordProxyUploadDto })
  @ApiOperation({ operationId: 'recordProxy', summary: 'Record a proxy with the scan of the authorisation: accepted, or rejected with the reason the rule set gives' })
  @ApiCreatedResponse({ type: ProxyDto })
  @ApiErrors('CONFLICT')
  record(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @UploadedFile() file: Upload | undefined, @Body() body: RecordProxyFieldsDto): Promise<ProxyDto> {
    return this.proxies.record(actor, id, body, file);
  }

  @Get()
  @Permission('consultation.read', { on: 'vote', param: 'id', allow: ['voter'] })
  @ApiOperation({ operationId: 'listProxies', summary: 'The proxy list of a vote: principal, agent, written or not, accepted or refused and why' })
  @ApiOkResponse({ type: ProxyListDto })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ProxyListDto> {
    return this.proxies.list(actor, id);
  }

  @Post(':proxyId/revoke')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'revokeProxy', summary: 'Revoke an accepted proxy (ballots already cast under it stay)' })
  @ApiOkResponse({ type: ProxyDto })
  @ApiErrors('CONFLICT')
  revoke(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('proxyId', ParseUUIDPipe) proxyId: string, @Body() body: RevokeProxyDto): Promise<ProxyDto> {
    return this.proxies.revoke(actor, id, proxyId, body.reason);
  }

  @Get(':proxyId/scan')
  @Permission('consultation.manage', { on: 'vote', param: 'id' })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png', 'image/webp')
  @ApiOperation({ operationId: 'getProxyScan', summary: 'The kept scan of a written authorisation' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  scan(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('proxyId', ParseUUIDPipe) proxyId: string, @Res() res: FastifyReply): Promise<void> {
    return this.proxies.sendScan(actor, id, proxyId, res);
  }
}
