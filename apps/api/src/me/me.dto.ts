import { ApiProperty } from '@nestjs/swagger';
import { AREA_SOURCES, EXCLUSIVE_UNIT_KINDS } from '@yishi/contracts';
import type { AreaSource, ExclusiveUnitKind } from '@yishi/contracts';

export class HouseholdMemberDto {
  @ApiProperty() name!: string;
  @ApiProperty() isHouseholdHead!: boolean;
  @ApiProperty() isHouseholdRepresentative!: boolean;
  @ApiProperty() isMemberRepresentative!: boolean;
  @ApiProperty({ description: 'Of age and so of full civil capacity today' }) fullCapacity!: boolean;
  @ApiProperty({ description: 'This is me' }) isMe!: boolean;
}

export class MyHouseholdDto {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ format: 'uuid' }) householdId!: string;
  @ApiProperty() householdNumber!: string;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: [HouseholdMemberDto] }) members!: HouseholdMemberDto[];
}

export class MyExclusiveUnitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ type: String, nullable: true }) buildingName!: string | null;
  @ApiProperty({ enum: EXCLUSIVE_UNIT_KINDS, enumName: 'ExclusiveUnitKind' }) kind!: ExclusiveUnitKind;
  @ApiProperty({ description: 'Floor area in 1/100 m²' }) areaCentiM2!: number;
  @ApiProperty({ enum: AREA_SOURCES, enumName: 'AreaSource' }) areaSource!: AreaSource;
  @ApiProperty({ enum: ['owner', 'tenant'], enumName: 'UnitRelation' }) relation!: 'owner' | 'tenant';
  @ApiProperty({ type: [String], description: 'The other owners of a co-owned unit' }) coOwners!: string[];
  @ApiProperty({ description: 'I cast this unit’s vote (sole owner, or the designated co-owner)' }) iVote!: boolean;
}

export class MyCompoundDto {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ type: [MyExclusiveUnitDto] }) units!: MyExclusiveUnitDto[];
}

export class MyRollDto {
  @ApiProperty({ type: [MyHouseholdDto] }) households!: MyHouseholdDto[];
  @ApiProperty({ type: [MyCompoundDto] }) compounds!: MyCompoundDto[];
}

export class MyOpenVoteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty({ description: 'How many voters I cast for (myself, and principals of accepted proxies)' }) voters!: number;
  @ApiProperty({ description: 'How many of them have a ballot already' }) voted!: number;
}

export class MyOpenConsultationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty() unitName!: string;
}

export class MyUpcomingSessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() place!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty() unitName!: string;
}

/** `GET /me/open-matters`: what waits for me, in every unit I belong to — first on 「我的」 and home. */
export class MyOpenMattersDto {
  @ApiProperty({ type: [MyOpenVoteDto], description: 'Open votes I may cast in, closing soonest first' }) votes!: MyOpenVoteDto[];
  @ApiProperty({ type: [MyOpenConsultationDto], description: 'Consultations of my units open for comment' }) consultations!: MyOpenConsultationDto[];
  @ApiProperty({ type: [MyUpcomingSessionDto], description: 'Sessions I am invited to, not over yet, soonest first' }) sessions!: MyUpcomingSessionDto[];
}
