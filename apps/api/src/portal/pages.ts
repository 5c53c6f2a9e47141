import { AdminHomeController } from './admin/admin-home.controller';
import { AuditPageController } from './admin/audit-page.controller';
import { CalendarPageController } from './admin/calendar-page.controller';
import { OfficesPageController } from './admin/offices-page.controller';
import { SatkersPageController } from './admin/satkers-page.controller';
import { StaffPageController } from './admin/staff-page.controller';
import type { Type } from '@nestjs/common';
import { ImportPageController } from './admin/import.page';
import { MembershipContactPageController } from './admin/membership-contact.page';
import { ServiceSettingsPageController } from './admin/service-settings.page';
import { ActivationController } from './pages/activation.controller';
import { FaqController } from './kb/faq.controller';
import { KbFilingController } from './kb/kb-filing.controller';
import { KbReportController } from './kb/kb-report.controller';
import { TicketArticleController } from './kb/ticket-article.controller';
import { AssetsController } from './pages/assets.controller';
import { ChooseSatkerController } from './pages/choose-satker.controller';
import { FilingController } from './pages/filing.controller';
import { HomeController } from './pages/home.controller';
import { LiveController } from './pages/live.controller';
import { NoticesController } from './pages/notices.controller';
import { QueueController } from './pages/queue.controller';
import { SlaDashboardController } from './reports/sla-dashboard.controller';
import { SkmReportController } from './skm/skm-report.controller';
import { SkmSurveyController } from './skm/survey.controller';
import { SessionController } from './pages/session.controller';
import { ApprovalsController } from './myintress/approvals.controller';
import { HapusPenggunaController } from './myintress/hapus-pengguna.controller';
import { PenggunaController } from './myintress/pengguna.controller';
import { TambahPenggunaController } from './myintress/tambah-pengguna.controller';
import { SkPenunjukanController } from './myintress/sk-penunjukan.controller';
import { TicketActionsController } from './tickets/ticket-actions.controller';
import { TicketController } from './tickets/ticket.controller';
import { TicketLetterFormController } from './tickets/ticket-letter-form.controller';
import { ReplyTemplatesPageController } from './reply-templates/reply-templates.controller';

/**
 * Every portal page controller. A new page is a controller decorated with @PortalPage (which also
 * puts it in the menu when given `nav`), its templates under templates/portal/pages, and one line
 * here: its routes then leave the /api/v1 prefix and get the portal's session, CSRF and error pages.
 */
export const PORTAL_PAGES: Type[] = [
  // Administration (issue 15)
  AdminHomeController,
  OfficesPageController,
  SatkersPageController,
  StaffPageController,
  CalendarPageController,
  AuditPageController,
  AssetsController,
  SessionController,
  ActivationController,
  ChooseSatkerController,
  HomeController,
  FilingController,
  QueueController,
  NoticesController,
  LiveController,
  TicketController,
  TicketActionsController,
  TicketLetterFormController,
  ReplyTemplatesPageController,
  SlaDashboardController,
  SkmSurveyController,
  SkmReportController,
  ApprovalsController,
  TambahPenggunaController,
  SkPenunjukanController,
  HapusPenggunaController,
  PenggunaController,
  FaqController,
  KbFilingController,
  KbReportController,
  TicketArticleController,
  ImportPageController,
  MembershipContactPageController,
  ServiceSettingsPageController,
];
