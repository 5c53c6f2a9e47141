import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: '3175011708450001', description: 'NIK 16 digit, selalu sebagai teks' })
  @IsString()
  @Matches(/^\d{16}$/)
  nik: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;
}

export class ActivateDto {
  @ApiProperty({ description: 'Token dari tautan aktivasi' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,200}$/)
  token: string;

  @ApiProperty({ description: 'Minimal 10 karakter, memuat huruf dan angka' })
  @IsString()
  @MaxLength(128)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty({ description: 'Kata sandi yang berlaku sekarang' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  currentPassword: string;

  @ApiProperty({ description: 'Minimal 10 karakter, memuat huruf dan angka' })
  @IsString()
  @MaxLength(128)
  newPassword: string;
}

export class SatkerOfPersonDto {
  @ApiProperty({ example: '527010' }) code: string;
  @ApiProperty() name: string;
}

export class StaffRoleDto {
  @ApiProperty({ format: 'uuid' }) officeId: string;
  @ApiProperty({ enum: ['KPPN', 'KANWIL', 'PUSAT', 'PUSINTEK'] }) officeKind: string;
  @ApiProperty({ enum: ['CSO', 'SUPERVISOR', 'ADMIN', 'DIGIPAY_ADMIN', 'EDITOR'] }) role: string;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [SatkerOfPersonDto], description: 'Satker tempat orang ini aktif' })
  satkers: SatkerOfPersonDto[];
  @ApiProperty({ type: [StaffRoleDto], description: 'Peran petugas; kosong untuk pengguna satker' })
  staffRoles: StaffRoleDto[];
}

export class SessionDto {
  @ApiProperty({ description: 'Token sesi untuk header Authorization: Bearer' }) token: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: string;
  @ApiProperty() expiresAt: Date;
  @ApiProperty({ type: PersonDto }) person: PersonDto;
}
