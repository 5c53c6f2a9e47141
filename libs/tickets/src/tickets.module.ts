import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@loket/audit';
import { DigipayService } from './digipay/digipay.service';
import { RegistryModule } from '@loket/registry';
import { SlaModule, TicketClockPort } from '@loket/sla';
import { LettersModule } from '@loket/letters';
import { SERVICE_DEFINITIONS, ServiceEffects, ServiceRegistry, type ServiceDefinition } from '@loket/services';
import { Catalogue } from '@loket/workflow';
import { TicketAssignment } from './assignment';
import { AttachmentIntake } from './attachment-intake';
import { MembershipDirectoryService } from './myintress/membership-directory.service';
import { NikLookupService } from './myintress/nik-lookup.service';
import { SelfRegistrationService } from './myintress/self-registration.service';
import { SelfRegistrationApprovals } from './myintress/self-registration-approvals';
import { TicketClockColumns } from './ticket-clock-columns';
import { TicketLettersService } from './ticket-letters.service';
import { TicketNotices } from './ticket-notices';
import { TicketRatingService } from './ticket-rating.service';
import { LifecycleSweep } from './lifecycle-sweep';
import { EscalationSweep } from './escalation-sweep';
import { TicketFilingService } from './ticket-filing.service';
import { TicketQueryService } from './ticket-query.service';
import { TicketWorkflowService } from './ticket-workflow.service';
import { TicketRepository } from './ticket.repository';
import { WorkspaceRepository } from './workspace/workspace.repository';
import { WorkspaceService } from './workspace/workspace.service';
import { BulkActionsService } from './workspace/bulk-actions.service';
import { AgentNotices } from './workspace/agent-notices';
import { TicketFeed } from './workspace/ticket-feed';
import { ReplyTemplateRepository } from './reply-templates/reply-template.repository';
import { ReplyTemplatesService } from './reply-templates/reply-templates.service';

const SERVICES = [
  TicketRepository,
  ServiceEffects,
  TicketClockColumns,
  TicketAssignment,
  AttachmentIntake,
  TicketWorkflowService,
  TicketFilingService,
  TicketQueryService,
  SelfRegistrationService,
  MembershipDirectoryService,
  TicketNotices,
  TicketLettersService,
  TicketRatingService,
  LifecycleSweep,
  EscalationSweep,
  SelfRegistrationApprovals,
  WorkspaceRepository,
  WorkspaceService,
  BulkActionsService,
  AgentNotices,
  TicketFeed,
  ReplyTemplateRepository,
  ReplyTemplatesService,
  NikLookupService,
  DigipayService,
];

@Module({})
export class TicketsModule {
  /** `services` replaces the service folders' definitions (tests add services of their own). */
  static forRoot(services: ServiceDefinition[] = SERVICE_DEFINITIONS): DynamicModule {
    const registry = new ServiceRegistry(services);
    const given = [
      { provide: ServiceRegistry, useValue: registry },
      { provide: Catalogue, useValue: registry.catalogue },
    ];
    return {
      module: TicketsModule,
      global: true,
      imports: [RegistryModule, SlaModule, LettersModule, AuditModule],
      // The clocks of libs/sla write the ticket's SLA columns through this port (sla sits below tickets).
      providers: [...given, { provide: TicketClockPort, useExisting: TicketClockColumns }, ...SERVICES],
      exports: [ServiceRegistry, Catalogue, TicketClockPort, ...SERVICES],
    };
  }
}
