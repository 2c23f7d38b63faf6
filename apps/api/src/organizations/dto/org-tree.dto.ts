import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OrgNodeKind, OrgTreeNode, UnitStats } from '@yishi/contracts';
import { ORG_NODE_KINDS } from '@yishi/contracts';

export class UnitStatsDto implements UnitStats {
  @ApiPropertyOptional({ description: 'Cooperative: households on the roll' })
  households?: number;

  @ApiPropertyOptional({ description: 'Cooperative: members on the roll, minors included' })
  members?: number;

  @ApiPropertyOptional({ description: 'Cooperative: members with full civil capacity today' })
  fullCapacityMembers?: number;

  @ApiPropertyOptional({ description: 'Compound: buildings' })
  buildings?: number;

  @ApiPropertyOptional({ description: 'Compound: exclusive units (dwellings, parking spaces, shops)' })
  exclusiveUnits?: number;

  @ApiPropertyOptional({ description: 'Compound: total exclusive floor area in 1/100 m²' })
  totalAreaCentiM2?: number;
}

export class OrgTreeNodeDto implements OrgTreeNode {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ORG_NODE_KINDS, enumName: 'OrgNodeKind' })
  kind!: OrgNodeKind;

  @ApiProperty({ example: 'nancun' })
  code!: string;

  @ApiProperty({ example: '南村经济社' })
  name!: string;

  @ApiProperty({ type: () => [OrgTreeNodeDto] })
  children!: OrgTreeNodeDto[];

  @ApiPropertyOptional({ type: () => UnitStatsDto })
  stats?: UnitStatsDto;
}
