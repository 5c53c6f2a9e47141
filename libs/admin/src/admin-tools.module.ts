import { Global, Module } from '@nestjs/common';
import { SlaModule } from '@loket/sla';
import { AdminModule } from './admin.module';
import { ServiceSettingsAdmin } from './service-settings-admin';

const PROVIDERS = [ServiceSettingsAdmin];

/** Service settings, bulk import and membership corrections: used by the API and the portal's admin pages. */
@Global()
@Module({ imports: [AdminModule, SlaModule], providers: PROVIDERS, exports: PROVIDERS })
export class AdminToolsModule {}
