import { Module, type DynamicModule } from '@nestjs/common';
import { AuditModule } from '@loket/audit';
import { DigipayService } from './digipay/digipay.service';
import { RegistryModule } from '@loket/registry';
import { SlaModule } from '@loket/sla';
import { LettersModule } from '@loket/letters';
import { Catalogue } from '@loket/workflow';
import { TicketAssignment } from './assignment';
import { AttachmentIntake } from './attachment-intake';
import { MembershipDirectoryService } from './myintress/membership-directory.service';
import { NikLookupService } from './myintress/nik-lookup.service';
import { SelfRegistrationService } from './myintress/self-registration.service';
import { SelfRegistrationApprovals } from './myintress/self-registration-approvals';
import { TicketEffects } from './ticket-effects';
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
  TicketAssignment,
  TicketEffects,
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
  /** `catalogue` replaces the built-in one (tests define services purely from configuration). */
  static forRoot(catalogue: Catalogue = new Catalogue()): DynamicModule {
    return {
      module: TicketsModule,
      global: true,
      imports: [RegistryModule, SlaModule, LettersModule, AuditModule],
      providers: [{ provide: Catalogue, useValue: catalogue }, ...SERVICES],
      exports: [Catalogue, ...SERVICES],
    };
  }
}
