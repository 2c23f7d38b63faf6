import { Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Permission } from '../auth/access.decorators';
import type { Actor } from '../common/actor';
import {
  ExclusiveUnitSearchQueryDto,
  RevisionsQueryDto,
  RollExclusiveUnitPageDto,
  RollFileFormatQueryDto,
  RollHouseholdPageDto,
  RollImportCommitDto,
  RollImportPreviewDto,
  RollRevisionListDto,
  RollSearchQueryDto,
  RollUploadDto,
} from './dto/rolls.dto';
import type { RollDownload } from './roll-export.service';
import { RollExportService } from './roll-export.service';
import type { RollUpload } from './roll-import.service';
import { RollImportService, ROLL_FILE_MAX_BYTES } from './roll-import.service';
import { RollsService } from './rolls.service';
import { ApiErrors } from '../openapi/api-errors.decorator';

const FILE_RESPONSE = { schema: { type: 'string', format: 'binary' } } as const;

function download(file: RollDownload): StreamableFile {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new StreamableFile(file.bytes, {
    type: file.contentType,
    length: file.bytes.length,
    disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}

/** A unit's roll (名册): read and search it, import a file with a preview, export it. */
@ApiTags('rolls')
@Controller('units/:unitId/roll')
export class RollsController {
  constructor(
    private readonly rolls: RollsService,
    private readonly imports: RollImportService,
    private readonly exports: RollExportService,
  ) {}

  @Get('households')
  @Permission('roll.read', { on: 'unit', param: 'unitId' })
  @ApiOperation({ operationId: 'listRollHouseholds', summary: 'A cooperative’s households with their members, searchable and paginated' })
  @ApiOkResponse({ type: RollHouseholdPageDto })
  households(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Query() query: RollSearchQueryDto): Promise<RollHouseholdPageDto> {
    return this.rolls.households(actor, unitId, query);
  }

  @Get('exclusive-units')
  @Permission('roll.read', { on: 'unit', param: 'unitId' })
  @ApiOperation({ operationId: 'listRollExclusiveUnits', summary: 'A compound’s exclusive units with owners and tenants, searchable and paginated' })
  @ApiOkResponse({ type: RollExclusiveUnitPageDto })
  exclusiveUnits(
    @CurrentActor() actor: Actor,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Query() query: ExclusiveUnitSearchQueryDto,
  ): Promise<RollExclusiveUnitPageDto> {
    return this.rolls.exclusiveUnits(actor, unitId, query);
  }

  @Get('revisions')
  @Permission('roll.read', { on: 'unit', param: 'unitId' })
  @ApiOperation({ operationId: 'listRollRevisions', summary: 'The roll’s revisions, newest first' })
  @ApiOkResponse({ type: RollRevisionListDto })
  revisions(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Query() query: RevisionsQueryDto): Promise<RollRevisionListDto> {
    return this.rolls.revisions(actor, unitId, query);
  }

  @Post('imports')
  @Permission('roll.write', { on: 'unit', param: 'unitId' })
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: ROLL_FILE_MAX_BYTES, files: 1, fields: 4, parts: 5 }, defParamCharset: 'utf8' }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: RollUploadDto })
  @ApiOperation({
    operationId: 'previewRollImport',
    summary: 'Upload a roll file (.xlsx or .csv): every problem by row and column, or what committing would change. Saves nothing to the roll.',
  })
  @ApiOkResponse({ type: RollImportPreviewDto })
  @ApiErrors('ROLL_FILE_UNREADABLE', 'UNSUPPORTED_MEDIA_TYPE')
  preview(
    @CurrentActor() actor: Actor,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @UploadedFile() file: RollUpload['file'],
    @Headers('content-type') contentType: string | undefined,
  ): Promise<RollImportPreviewDto> {
    return this.imports.preview(actor, unitId, { file, contentType });
  }

  @Get('imports/:importId')
  @Permission('roll.write', { on: 'unit', param: 'unitId' })
  @ApiOperation({ operationId: 'getRollImport', summary: 'A previewed import again' })
  @ApiOkResponse({ type: RollImportPreviewDto })
  getImport(
    @CurrentActor() actor: Actor,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Param('importId', ParseUUIDPipe) importId: string,
  ): Promise<RollImportPreviewDto> {
    return this.imports.get(actor, unitId, importId);
  }

  @Post('imports/:importId/commit')
  @Permission('roll.write', { on: 'unit', param: 'unitId' })
  @HttpCode(200)
  @ApiOperation({ operationId: 'commitRollImport', summary: 'Apply a previewed import as one new roll revision (409 when the roll changed since the preview)' })
  @ApiOkResponse({ type: RollImportCommitDto })
  @ApiErrors('ROLL_CHANGED', 'ROLL_IMPORT_CLOSED')
  commit(
    @CurrentActor() actor: Actor,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Param('importId', ParseUUIDPipe) importId: string,
  ): Promise<RollImportCommitDto> {
    return this.imports.commit(actor, unitId, importId);
  }

  @Get('export')
  @Permission('roll.write', { on: 'unit', param: 'unitId' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ operationId: 'exportRoll', summary: 'The current roll in the import’s columns (identity numbers as their last four)' })
  @ApiOkResponse(FILE_RESPONSE)
  async export(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Query() query: RollFileFormatQueryDto): Promise<StreamableFile> {
    return download(await this.exports.export(actor, unitId, query.format ?? 'xlsx'));
  }

  @Get('template')
  @Permission('roll.read', { on: 'unit', param: 'unitId' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ operationId: 'getRollTemplate', summary: 'An empty roll file for this kind of unit, with notes on each column' })
  @ApiOkResponse(FILE_RESPONSE)
  async template(@CurrentActor() actor: Actor, @Param('unitId', ParseUUIDPipe) unitId: string, @Query() query: RollFileFormatQueryDto): Promise<StreamableFile> {
    return download(await this.exports.template(actor, unitId, query.format ?? 'xlsx'));
  }
}
