import { ApiProperty } from '@nestjs/swagger';
import type { SatkerView } from '@loket/admin';

/** A satker as its admins see it, with its partner KPPN and its open tickets. */
export class SatkerResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '679613' }) code: string;
  @ApiProperty({ example: 'Balai Wilayah Sungai Papua' }) name: string;
  @ApiProperty({ format: 'uuid' }) kppnId: string;
  @ApiProperty({ example: 'KPPN-201' }) kppnCode: string;
  @ApiProperty({ example: 'KPPN Jayapura' }) kppnName: string;
  @ApiProperty({ type: String, nullable: true, example: '033' }) klCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: '05' }) eselon1Code: string | null;
  @ApiProperty() managesUp: boolean;
  @ApiProperty({ type: 'integer', description: 'Tiket satker yang masih berjalan' }) openTickets: number;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export const satkerResponse = (s: SatkerView): SatkerResponse => ({
  id: s.id,
  code: s.code,
  name: s.name,
  kppnId: s.kppnId,
  kppnCode: s.kppnCode,
  kppnName: s.kppnName,
  klCode: s.klCode,
  eselon1Code: s.eselon1Code,
  managesUp: s.managesUp,
  openTickets: s.openTickets,
  updatedAt: s.updatedAt,
});
