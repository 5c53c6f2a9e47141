import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MembershipContacts } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { MembershipContactDto, MembershipListQuery } from './membership-contact.dto';

export const membershipId = new ParseUUIDPipe({
  exceptionFactory: () => fail('MEMBERSHIP_NOT_FOUND'),
});

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/memberships')
export class MembershipContactController {
  constructor(private readonly contacts: MembershipContacts) {}

  @Get()
  @ApiOperation({
    summary: 'Keanggotaan MyIntress satu satker (admin KPPN mitra, Kanwil di atasnya, Kantor Pusat); NIK disamarkan',
  })
  list(@CurrentActor() actor: Actor, @Query() q: MembershipListQuery) {
    return this.contacts.list(actor, q.satker);
  }

  @Put(':id/contact')
  @ApiOperation({
    summary: 'Koreksi telepon dan/atau e-mail keanggotaan dengan alasan (tercatat di log audit); status tidak berubah',
  })
  correct(@CurrentActor() actor: Actor, @Param('id', membershipId) id: string, @Body() dto: MembershipContactDto) {
    return this.contacts.correct(actor, id, dto);
  }
}
