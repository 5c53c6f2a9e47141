import { Global, Module } from '@nestjs/common';
import { RegistryModule } from '@loket/registry';
import { SlaModule } from '@loket/sla';
import { AdminModule } from './admin.module';
import { ImportService } from './import/import.service';
import { OfficeImport } from './import/office-import';
import { SatkerImport } from './import/satker-import';
import { StaffImport } from './import/staff-import';
import { MembershipContacts } from './membership-contacts';
import { ServiceSettingsAdmin } from './service-settings-admin';

const PROVIDERS = [ServiceSettingsAdmin, ImportService, OfficeImport, SatkerImport, StaffImport, MembershipContacts];

/** Service settings, bulk import and membership corrections: used by the API and the portal's admin pages. */
@Global()
@Module({ imports: [AdminModule, RegistryModule, SlaModule], providers: PROVIDERS, exports: PROVIDERS })
export class AdminToolsModule {}
