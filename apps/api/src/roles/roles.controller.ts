import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { CurrentActor, Permission } from '../auth/access.decorators';
import { GrantRoleDto, NodeRoleDto } from './roles.dto';
import { RolesService } from './roles.service';
import { ApiErrors } from '../openapi/api-errors.decorator';

@ApiTags('roles')
@Controller()
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get('nodes/:nodeId/roles')
  @Permission('role.manage', { on: 'node', param: 'nodeId' })
  @ApiOperation({ operationId: 'listRoles', summary: 'Roles granted on a node' })
  @ApiOkResponse({ type: [NodeRoleDto] })
  list(@CurrentActor() actor: Actor, @Param('nodeId', ParseUUIDPipe) nodeId: string): Promise<NodeRoleDto[]> {
    return this.roles.list(actor, nodeId);
  }

  @Post('nodes/:nodeId/roles')
  @Permission('role.manage', { on: 'node', param: 'nodeId' })
  @ApiOperation({ operationId: 'grantRole', summary: 'Grant a role on a node (admins grant any; staff grant convenor, building head, observer, resident)' })
  @ApiCreatedResponse({ type: NodeRoleDto })
  @ApiErrors('CONFLICT')
  grant(@CurrentActor() actor: Actor, @Param('nodeId', ParseUUIDPipe) nodeId: string, @Body() body: GrantRoleDto): Promise<NodeRoleDto> {
    return this.roles.grant(actor, nodeId, body);
  }

  @Delete('roles/:grantId')
  @Permission('role.manage', { on: 'grant', param: 'grantId' })
  @HttpCode(204)
  @ApiOperation({ operationId: 'revokeRole', summary: 'Revoke a role grant' })
  @ApiNoContentResponse()
  @ApiErrors('CONFLICT')
  revoke(@CurrentActor() actor: Actor, @Param('grantId', ParseUUIDPipe) grantId: string): Promise<void> {
    return this.roles.revoke(actor, grantId);
  }
}
