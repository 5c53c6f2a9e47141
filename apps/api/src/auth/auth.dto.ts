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
