import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService, BearerToken, CurrentActor, Public, type Actor } from '@loket/auth';
import { ApiErrors, ApiNoContent, ApiOk, ApiPublic } from '../http/api-docs';
import { ActivateDto, ChangePasswordDto, LoginDto, PersonDto, SessionDto } from './auth.dto';

const actorView = (actor: Actor): PersonDto => ({
  id: actor.personId,
  name: actor.name,
  satkers: actor.satkers.map((s) => ({ code: s.satkerCode, name: s.satkerName })),
  staffRoles: actor.staff.map((s) => ({ officeId: s.officeId, officeKind: s.officeKind, role: s.role })),
});

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiPublic()
  @ApiOperation({ summary: 'Masuk dengan NIK dan kata sandi DIGIT; menjawab token sesi' })
  @ApiOk(SessionDto)
  @ApiErrors('VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS')
  async login(@Body() dto: LoginDto, @Ip() address: string): Promise<SessionDto> {
    const { token, expiresAt, actor } = await this.auth.login(dto.nik, dto.password, address);
    return { token, tokenType: 'Bearer', expiresAt, person: actorView(actor) };
  }

  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mengakhiri sesi ini' })
  @ApiNoContent('Sesi berakhir')
  @ApiErrors('UNAUTHENTICATED')
  logout(@BearerToken() token: string) {
    return this.auth.logout(token);
  }

  @Public()
  @Post('auth/activate')
  @HttpCode(204)
  @ApiPublic()
  @ApiOperation({ summary: 'Mengaktifkan akun dari tautan aktivasi dengan kata sandi baru' })
  @ApiNoContent('Akun aktif; silakan masuk')
  @ApiErrors(
    'VALIDATION_FAILED',
    'WEAK_PASSWORD',
    'ACTIVATION_TOKEN_INVALID',
    'ACTIVATION_TOKEN_USED',
    'ACTIVATION_TOKEN_EXPIRED',
    'ACTIVATION_TOKEN_REVOKED',
    'ACTIVATION_TOKEN_SUPERSEDED',
  )
  activate(@Body() dto: ActivateDto) {
    return this.auth.activate(dto.token, dto.password);
  }

  /** A new DIGIT password; the person's other sessions end. */
  @ApiBearerAuth()
  @Post('auth/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mengganti kata sandi; sesi lain orang ini berakhir' })
  @ApiNoContent('Kata sandi diganti')
  @ApiErrors('UNAUTHENTICATED', 'VALIDATION_FAILED', 'INVALID_CURRENT_PASSWORD', 'WEAK_PASSWORD')
  changePassword(@CurrentActor() actor: Actor, @BearerToken() token: string, @Body() dto: ChangePasswordDto) {
    return this.auth.changePassword(actor, token, dto.currentPassword, dto.newPassword);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: 'Orang yang sedang masuk: satker dan peran petugasnya' })
  @ApiOk(PersonDto)
  @ApiErrors('UNAUTHENTICATED')
  me(@CurrentActor() actor: Actor): PersonDto {
    return actorView(actor);
  }
}
