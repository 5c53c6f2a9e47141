import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { QUEUE_VIEWS, SORTS } from '@loket/tickets';
import { TICKET_STATUSES } from '@loket/workflow';

// What the ticket operations answer. The views are built in libs/tickets (summaryView, render); the
// controller's return types are these classes, so the compiler holds the two together.

const FREE_OBJECT = { type: 'object', additionalProperties: true } as const;

export class ServiceRefDto {
  @ApiProperty({ example: 'MYINTRESS_DAFTAR_KPPN' }) code: string;
  @ApiProperty() title: string;
}

export class SatkerRefDto {
  @ApiProperty({ example: '527010' }) code: string;
  @ApiProperty() name: string;
}

export class OfficeRefDto {
  @ApiProperty({ example: 'KPPN-134' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'Asia/Makassar' }) timeZone: string;
}

export class AssigneeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

export class SlaBadgeDto {
  @ApiProperty({ type: Date, nullable: true }) dueAt: Date | null;
  @ApiProperty({ enum: ['NONE', 'ON_TIME', 'WARNING', 'BREACHED'] }) state: string;
  @ApiProperty() overdue: boolean;
}

export class EscalationMarkDto {
  @ApiProperty({ description: '0: belum dieskalasi' }) level: number;
  @ApiProperty({ type: Date, nullable: true }) breachedAt: Date | null;
}

export class EventButtonDto {
  @ApiProperty({ example: 'CLAIM' }) type: string;
  @ApiProperty() label: string;
}

export class AllowedEventDto extends EventButtonDto {
  @ApiProperty({ type: [String], description: 'Isian yang wajib pada peristiwa ini' }) requires: string[];
  @ApiProperty({ description: 'Boleh disertai lampiran' }) attachments: boolean;
}

export class TicketSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'KPPN-134/2026/000123' }) number: string;
  @ApiProperty({ type: ServiceRefDto }) service: ServiceRefDto;
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'Perihal yang ditulis satker bila layanan memintanya, selain itu subject' })
  title: string;
  @ApiProperty({ enum: TICKET_STATUSES }) status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ type: SatkerRefDto }) satker: SatkerRefDto;
  @ApiProperty({ type: OfficeRefDto }) office: OfficeRefDto;
  @ApiProperty({ type: AssigneeDto, nullable: true }) assignee: AssigneeDto | null;
  @ApiProperty() correctionRounds: number;
  @ApiProperty({ description: 'Versi tiket; kirim kembali dalam If-Match' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt: Date | null;
  @ApiProperty({ type: SlaBadgeDto }) sla: SlaBadgeDto;
  @ApiProperty({ type: EscalationMarkDto }) escalation: EscalationMarkDto;
}

export class TicketListItemDto extends TicketSummaryDto {
  @ApiProperty({ type: [EventButtonDto] }) allowedEvents: EventButtonDto[];
  @ApiPropertyOptional({ ...FREE_OBJECT, description: 'Isian formulir, pada antrean yang menampilkannya' })
  form?: Record<string, unknown>;
}

export class TicketPageDto {
  @ApiProperty({ type: [TicketListItemDto] }) items: TicketListItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Penanda halaman berikutnya' }) nextCursor: string | null;
}

export class WorkspaceItemDto extends TicketListItemDto {
  @ApiProperty({ enum: ['UNSEEN', 'CHANGED', 'SEEN'], description: 'Sejak petugas terakhir membuka tiket' })
  seen: string;
}

export class WorkspacePageDto {
  @ApiProperty({ enum: [...QUEUE_VIEWS, 'agent'], nullable: true }) view: string | null;
  @ApiProperty({ enum: SORTS }) sort: string;
  @ApiProperty() searched: boolean;
  @ApiProperty({ type: [WorkspaceItemDto] }) items: WorkspaceItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ViewCountDto {
  @ApiProperty({ enum: QUEUE_VIEWS }) view: string;
  @ApiProperty() label: string;
  @ApiProperty() count: number;
}

export class AgentCountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() count: number;
}

export class ViewCountsDto {
  @ApiProperty({ type: [ViewCountDto] }) views: ViewCountDto[];
  @ApiProperty({ type: [AgentCountDto], nullable: true, description: 'Per petugas, hanya untuk supervisor' })
  agents: AgentCountDto[] | null;
}

export class AttachmentViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SK_PENUNJUKAN' }) kind: string;
  @ApiProperty() label: string;
  @ApiProperty() originalName: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) messageId: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'false bila sudah diganti berkas yang lebih baru' }) current: boolean;
  @ApiProperty() downloadUrl: string;
}

export class ThreadMessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['PUBLIC', 'INTERNAL'] }) visibility: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true }) eventType: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorId: string | null;
  @ApiProperty({ type: String, nullable: true }) authorName: string | null;
}

export class HistoryEntryDto {
  @ApiProperty() id: string;
  @ApiProperty() type: string;
  @ApiProperty({ type: String, nullable: true }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiPropertyOptional({ ...FREE_OBJECT, description: 'Rincian peristiwa; hanya untuk petugas' })
  payload?: Record<string, unknown>;
  @ApiProperty() createdAt: Date;
}

export class TicketDetailDto extends TicketSummaryDto {
  @ApiProperty({ ...FREE_OBJECT, description: 'Isian formulir layanan' }) form: Record<string, unknown>;
  @ApiProperty({ type: [AttachmentViewDto] }) attachments: AttachmentViewDto[];
  @ApiProperty({ type: [ThreadMessageDto] }) messages: ThreadMessageDto[];
  @ApiProperty({ type: [HistoryEntryDto] }) history: HistoryEntryDto[];
  @ApiProperty({ type: [AllowedEventDto] }) allowedEvents: AllowedEventDto[];
  @ApiProperty({ type: [String], description: 'ASSIGN / UNASSIGN bila boleh' }) assignmentEvents: string[];
  @ApiProperty({ type: [String], description: 'SATKER, AGENT, ESCALATION_AGENT; kosong untuk supervisor' })
  viewerRoles: string[];
}

/** A ticket view with its thread: the messages and events picked field by field from the thread rows. */
export function toTicketDetail(view: TicketDetailDto): TicketDetailDto {
  return {
    ...view,
    messages: view.messages.map((m) => ({
      id: m.id,
      visibility: m.visibility,
      body: m.body,
      eventType: m.eventType,
      createdAt: m.createdAt,
      authorId: m.authorId,
      authorName: m.authorName,
    })),
    history: view.history.map((e) => ({
      id: e.id,
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorName,
      payload: e.payload,
      createdAt: e.createdAt,
    })),
  };
}
