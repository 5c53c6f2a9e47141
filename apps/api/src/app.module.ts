import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { AdminModule, AdminToolsModule } from '@loket/admin';
import { AuthModule } from '@loket/auth';
import { ConfigModule, type AppConfig } from '@loket/common';
import { DbModule } from '@loket/db';
import { KbModule } from '@loket/kb';
import { LettersModule } from '@loket/letters';
import { NotifyModule } from '@loket/notify';
import { RegistryModule } from '@loket/registry';
import { SkmModule } from '@loket/skm';
import { SlaModule } from '@loket/sla';
import { TicketsModule } from '@loket/tickets';
import type { ServiceDefinition } from '@loket/services';
import { AuditController } from './admin/audit.controller';
import { OfficeCalendarController } from './admin/office-calendar.controller';
import { OfficesAdminController } from './admin/offices.controller';
import { SatkersAdminController } from './admin/satkers.controller';
import { StaffAdminController } from './admin/staff.controller';
import { AuthController } from './auth/auth.controller';
import { HealthController } from './http/health.controller';
import { ReadinessService } from './http/readiness.service';
import { PortalModule } from './portal/portal.module';
import { CatalogueController } from './tickets/catalogue.controller';
import { PenggunaController } from './myintress/pengguna.controller';
import { LettersController } from './letters/letters.controller';
import { OutboxAdminController } from './letters/outbox-admin.controller';
import { DigipayController } from './digipay/digipay.controller';
import { AkunController } from './pusintek/akun.controller';
import { SkmController } from './skm/skm.controller';
import { ReplyTemplatesController } from './reply-templates/reply-templates.controller';
import { KbArticlesController } from './kb/kb-articles.controller';
import { KbPublicController } from './kb/kb-public.controller';
import { KbSelfServiceController } from './kb/kb-self-service.controller';
import { SlaController } from './sla/sla.controller';
import { ServiceSettingsController } from './admin/services/service-settings.controller';
import { ImportController } from './admin/imports/import.controller';
import { MembershipContactController } from './admin/memberships/membership-contact.controller';
import { TicketsController } from './tickets/tickets.controller';

export interface AppOptions {
  config: AppConfig;
  databaseUrl: string;
  /** The services it runs (absent: every service folder of @loket/services). */
  services?: ServiceDefinition[];
  /** Modules composed into the same process by its entry point (apps/main.ts adds the worker's). */
  modules?: Type[];
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, services, modules = [] }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DbModule.forRoot(databaseUrl, config.dbPoolSize),
        AuthModule,
        AdminModule,
        AdminToolsModule,
        TicketsModule.forRoot(services),
        SlaModule,
        SkmModule,
        LettersModule,
        NotifyModule,
        RegistryModule,
        KbModule,
        PortalModule,
        ...modules,
      ],
      controllers: [
        HealthController,
        AuthController,
        CatalogueController,
        TicketsController,
        PenggunaController,
        SlaController,
        LettersController,
        OutboxAdminController,
        AkunController,
        DigipayController,
        SkmController,
        ReplyTemplatesController,
        ServiceSettingsController,
        KbArticlesController,
        KbPublicController,
        KbSelfServiceController,
        // Administration (issue 15): offices, satkers, staff, audit.
        OfficesAdminController,
        OfficeCalendarController,
        SatkersAdminController,
        StaffAdminController,
        AuditController,
        ImportController,
        MembershipContactController,
      ],
      providers: [ReadinessService],
    };
  }
}
