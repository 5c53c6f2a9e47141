import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class MembershipContactDto {
  @ApiPropertyOptional({ example: '081234567890' }) @IsOptional() @IsString() @MaxLength(30) phone?: string;
  @ApiPropertyOptional({ example: 'operator@satker.go.id' }) @IsOptional() @IsString() @MaxLength(254) email?: string;
  @ApiProperty({ example: 'Nomor telepon di formulir pendaftaran salah ketik' })
  @IsString()
  @MaxLength(500)
  reason: string;
}

export class MembershipListQuery {
  @ApiProperty({ example: '632118', description: 'Kode satker' }) @Matches(/^\d{6}$/) satker: string;
}
