import { ApiProperty } from '@nestjs/swagger';
import type { MembershipContact } from '@loket/admin';

/** A MyIntress membership of a satker with its contact data (the NIK masked). */
export class MembershipContactResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '632118' }) satkerCode: string;
  @ApiProperty() satkerName: string;
  @ApiProperty({ example: '9171********0004' }) nikMasked: string;
  @ApiProperty() name: string;
  @ApiProperty({
    type: 'integer',
    enum: [0, 1, 2, 3, 5],
    description: 'Status MyIntress: 0 tidak aktif, 1 terdaftar, 2 aktif, 3 dormant, 5 ditolak',
  })
  status: number;
  @ApiProperty({ example: '081234567890' }) phone: string;
  @ApiProperty({ example: 'operator@satker.go.id' }) email: string;
}

export const membershipContactResponse = (m: MembershipContact): MembershipContactResponse => ({
  id: m.id,
  satkerCode: m.satkerCode,
  satkerName: m.satkerName,
  nikMasked: m.nikMasked,
  name: m.name,
  status: m.status,
  phone: m.phone,
  email: m.email,
});
