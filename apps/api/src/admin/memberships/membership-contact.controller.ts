import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MembershipContacts } from '@loket/admin';
import { CurrentActor, type Actor } from '@loket/auth';
import { fail } from '@loket/common';
import { MembershipContactDto, MembershipListQuery } from './membership-contact.dto';
import { membershipContactResponse, MembershipContactResponse } from './membership-contact.response';
import { ApiErrors } from '../../http/api-docs';

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
  @ApiOkResponse({ type: [MembershipContactResponse] })
  @ApiErrors('UNAUTHENTICATED', 'NOT_AN_ADMIN', 'VALIDATION_FAILED')
  async list(@CurrentActor() actor: Actor, @Query() q: MembershipListQuery): Promise<MembershipContactResponse[]> {
    return (await this.contacts.list(actor, q.satker)).map(membershipContactResponse);
  }

  @Put(':id/contact')
  @ApiOperation({
    summary: 'Koreksi telepon dan/atau e-mail keanggotaan dengan alasan (tercatat di log audit); status tidak berubah',
  })
  @ApiOkResponse({ type: MembershipContactResponse })
  @ApiErrors('UNAUTHENTICATED', 'NOT_AN_ADMIN', 'VALIDATION_FAILED', 'MEMBERSHIP_NOT_FOUND')
  async correct(
    @CurrentActor() actor: Actor,
    @Param('id', membershipId) id: string,
    @Body() dto: MembershipContactDto,
  ): Promise<MembershipContactResponse> {
    return membershipContactResponse(await this.contacts.correct(actor, id, dto));
  }
}
