import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthService, BearerToken, CurrentActor, Public, type Actor } from '@loket/auth';
import { ActivateDto, ChangePasswordDto, LoginDto } from './auth.dto';

const actorView = (actor: Actor) => ({
  id: actor.personId,
  name: actor.name,
  satkers: actor.satkers.map((s) => ({ code: s.satkerCode, name: s.satkerName })),
  staffRoles: actor.staff,
});

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @Ip() address: string) {
    const { token, expiresAt, actor } = await this.auth.login(dto.nik, dto.password, address);
    return { token, tokenType: 'Bearer', expiresAt, person: actorView(actor) };
  }

  @ApiBearerAuth()
  @Post('auth/logout')
  @HttpCode(204)
  logout(@BearerToken() token: string) {
    return this.auth.logout(token);
  }

  @Public()
  @Post('auth/activate')
  @HttpCode(204)
  activate(@Body() dto: ActivateDto) {
    return this.auth.activate(dto.token, dto.password);
  }

  /** A new DIGIT password; the person's other sessions end. */
  @ApiBearerAuth()
  @Post('auth/password')
  @HttpCode(204)
  changePassword(@CurrentActor() actor: Actor, @BearerToken() token: string, @Body() dto: ChangePasswordDto) {
    return this.auth.changePassword(actor, token, dto.currentPassword, dto.newPassword);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return actorView(actor);
  }
}
