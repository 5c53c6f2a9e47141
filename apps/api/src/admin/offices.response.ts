import { ApiProperty } from '@nestjs/swagger';
import { OFFICE_KINDS, TIME_ZONES, type OfficeKind, type OfficeView } from '@loket/admin';

const text = (description?: string) => ApiProperty({ type: String, nullable: true, description });

/** An office as its admins see it: record, letterhead fields and whether a logo is set. */
export class OfficeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KPPN-201' }) code: string;
  @ApiProperty({ enum: OFFICE_KINDS }) kind: OfficeKind;
  @ApiProperty({ example: 'KPPN Jayapura' }) name: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @text('Kode kantor induk') parentCode: string | null;
  @text('Nama kantor induk') parentName: string | null;
  @ApiProperty({ enum: TIME_ZONES }) timeZone: string;
  @text() address: string | null;
  @text() street: string | null;
  @text() city: string | null;
  @text() phone: string | null;
  @text() fax: string | null;
  @text() email: string | null;
  @text() website: string | null;
  @text('Kode kantor pada nomor surat') letterCode: string | null;
  @ApiProperty({ description: 'Logo kop surat terpasang' }) hasLogo: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export const officeResponse = (o: OfficeView): OfficeResponse => ({
  id: o.id,
  code: o.code,
  kind: o.kind,
  name: o.name,
  parentId: o.parentId,
  parentCode: o.parentCode,
  parentName: o.parentName,
  timeZone: o.timeZone,
  address: o.address,
  street: o.street,
  city: o.city,
  phone: o.phone,
  fax: o.fax,
  email: o.email,
  website: o.website,
  letterCode: o.letterCode,
  hasLogo: o.hasLogo,
  updatedAt: o.updatedAt,
});
