import { createParamDecorator, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { fail, noteRequestActor } from '@loket/common';
import type { Actor } from './actor';
import { AuthService } from './auth.service';

const PUBLIC = 'loket:public';
/** Marks an endpoint that needs no session (login, health, activation, catalogue). */
export const Public = () => SetMetadata(PUBLIC, true);

type AuthedRequest = Request & { actor?: Actor; bearer?: string };

export const bearerOf = (req: Request): string | null => {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(req.header('authorization') ?? '');
  return match ? match[1] : null;
};

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()]);
    const token = bearerOf(req);
    const actor = token ? await this.auth.authenticate(token) : null;
    if (actor) {
      noteRequestActor(actor.personId);
      req.actor = actor;
      req.bearer = token!;
    }
    if (isPublic || actor) return true;
    throw fail('UNAUTHENTICATED');
  }
}

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthedRequest>().actor;
  if (!actor) throw fail('UNAUTHENTICATED');
  return actor;
});

export const OptionalActor = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Actor | null => ctx.switchToHttp().getRequest<AuthedRequest>().actor ?? null,
);

export const BearerToken = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string | null =>
    ctx.switchToHttp().getRequest<AuthedRequest>().bearer ?? null,
);
