import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffAdmin } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { ReasonDto, StaffDto, StaffQuery } from './admin.dto';

const personId = new ParseUUIDPipe({ exceptionFactory: () => fail('STAFF_NOT_FOUND') });

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/staff')
export class StaffAdminController {
  constructor(private readonly staff: StaffAdmin) {}

  @Get()
  @ApiOperation({ summary: 'Staf kantor dalam cakupan admin dengan perannya (NIK disamarkan)' })
  list(@CurrentActor() actor: Actor, @Query() q: StaffQuery) {
    return this.staff.list(actor, q);
  }

  @Get(':personId')
  get(@CurrentActor() actor: Actor, @Param('personId', personId) id: string) {
    return this.staff.get(actor, id);
  }

  @Post()
  @ApiOperation({
    summary: 'Beri peran di kantor kepada NIK',
    description: 'NIK tanpa identitas DIGIT: identitas dibuat (nama dan e-mail wajib) dan e-mail aktivasi dikirim.',
  })
  grant(@CurrentActor() actor: Actor, @Body() d: StaffDto) {
    return this.staff.grant(
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
  }

  @Delete(':personId/roles/:officeCode/:role')
  @ApiOperation({
    summary: 'Cabut peran',
    description:
      'Mencabut peran CSO terakhir di kantor itu mengembalikan tiket terbuka yang dipegangnya ke antrean (BARU) dalam transaksi yang sama; sesi orang itu berakhir.',
  })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('personId', personId) id: string,
    @Param('officeCode') officeCode: string,
    @Param('role') role: string,
    @Query() d: ReasonDto,
  ) {
    return this.staff.revoke(actor, id, officeCode, role, d.reason ?? null);
  }
}
