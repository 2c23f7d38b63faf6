import { Controller, Get } from '@nestjs/common';
import { Public } from '../auth/access.decorators';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgTreeNodeDto } from './dto/org-tree.dto';
import { OrganizationsService } from './organizations.service';

@ApiTags('organizations')
@Public()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get('tree')
  @ApiOperation({ operationId: 'getOrganizationTree', summary: 'The organization tree: streets, communities and units, with roll figures' })
  @ApiOkResponse({ type: [OrgTreeNodeDto] })
  tree(): Promise<OrgTreeNodeDto[]> {
    return this.organizations.tree();
  }
}
