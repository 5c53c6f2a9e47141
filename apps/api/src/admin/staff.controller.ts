import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffAdmin } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { ReasonDto, StaffDto, StaffQuery } from './admin.dto';
import {
  roleGrantedResponse,
  RoleGrantedResponse,
  roleRevokedResponse,
  RoleRevokedResponse,
  staffResponse,
  StaffResponse,
} from './staff.response';
import { ApiErrors } from '../http/api-docs';

const personId = new ParseUUIDPipe({ exceptionFactory: () => fail('STAFF_NOT_FOUND') });

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/staff')
export class StaffAdminController {
  constructor(private readonly staff: StaffAdmin) {}

  @Get()
  @ApiOperation({ summary: 'Staf kantor dalam cakupan admin dengan perannya (NIK disamarkan)' })
  @ApiOkResponse({ type: [StaffResponse] })
  @ApiErrors('UNAUTHENTICATED', 'NOT_AN_ADMIN', 'VALIDATION_FAILED')
  async list(@CurrentActor() actor: Actor, @Query() q: StaffQuery): Promise<StaffResponse[]> {
    return (await this.staff.list(actor, q)).map(staffResponse);
  }

  @Get(':personId')
  @ApiOperation({ summary: 'Satu staf dengan perannya di kantor dalam cakupan admin (NIK disamarkan)' })
  @ApiOkResponse({ type: StaffResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_AN_ADMIN', 'STAFF_NOT_FOUND')
  async get(@CurrentActor() actor: Actor, @Param('personId', personId) id: string): Promise<StaffResponse> {
    return staffResponse(await this.staff.get(actor, id));
  }

  @Post()
  @ApiOperation({
    summary: 'Beri peran di kantor kepada NIK',
    description: 'NIK tanpa identitas DIGIT: identitas dibuat (nama dan e-mail wajib) dan e-mail aktivasi dikirim.',
  })
  @ApiCreatedResponse({ type: RoleGrantedResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_AN_ADMIN',
    'VALIDATION_FAILED',
    'INVALID_NIK',
    'IDENTITY_DATA_REQUIRED',
    'ROLE_NOT_FOR_OFFICE',
    'OFFICE_NOT_FOUND',
    'STAFF_ROLE_EXISTS',
  )
  async grant(@CurrentActor() actor: Actor, @Body() d: StaffDto): Promise<RoleGrantedResponse> {
    const granted = await this.staff.grant(
      actor,
      {
        nik: d.nik,
        name: d.name ?? null,
        email: d.email ?? null,
        phone: d.phone ?? null,
        nip: d.nip ?? null,
        officeCode: d.officeCode,
        role: d.role,
      },
      d.reason ?? null,
    );
    return roleGrantedResponse(granted);
  }

  @Delete(':personId/roles/:officeCode/:role')
  @ApiOperation({
    summary: 'Cabut peran',
    description:
      'Mencabut peran CSO terakhir di kantor itu mengembalikan tiket terbuka yang dipegangnya ke antrean (BARU) dalam transaksi yang sama; sesi orang itu berakhir.',
  })
  @ApiOkResponse({ type: RoleRevokedResponse })
  @ApiErrors(
    'UNAUTHENTICATED',
    'NOT_AN_ADMIN',
    'VALIDATION_FAILED',
    'STAFF_NOT_FOUND',
    'OFFICE_NOT_FOUND',
    'STAFF_ROLE_NOT_FOUND',
  )
  async revoke(
    @CurrentActor() actor: Actor,
    @Param('personId', personId) id: string,
    @Param('officeCode') officeCode: string,
    @Param('role') role: string,
    @Query() d: ReasonDto,
  ): Promise<RoleRevokedResponse> {
    return roleRevokedResponse(await this.staff.revoke(actor, id, officeCode, role, d.reason ?? null));
  }
}
