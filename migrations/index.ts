import { InitialSchema1763700000000 } from './1763700000000-InitialSchema';
import { MembershipRegistry1763800000000 } from './1763800000000-MembershipRegistry';
import { SlaClocks1763900000000 } from './1763900000000-SlaClocks';
import { SeedCalendars1763900000001 } from './1763900000001-SeedCalendars';
import { ReportSupport1764000000000 } from './1764000000000-ReportSupport';
import { Letters1764100000000 } from './1764100000000-Letters';
import { Ratings1764200000000 } from './1764200000000-Ratings';
import { PusintekAccounts1764300000000 } from './1764300000000-PusintekAccounts';
import { Digipay1764400000000 } from './1764400000000-Digipay';
import { SearchExtensions1764500000000 } from './1764500000000-SearchExtensions';
import { StaffRoleKinds1764500000001 } from './1764500000001-StaffRoleKinds';
import { CredentialChanges1764600000000 } from './1764600000000-CredentialChanges';
import { ReopenCycles1764600000001 } from './1764600000001-ReopenCycles';
import { EscalationLevels1764600000002 } from './1764600000002-EscalationLevels';
import { Administration1764700000000 } from './1764700000000-Administration';
import { ServiceSettings1764750000000 } from './1764750000000-ServiceSettings';
import { KnowledgeBase1764800000000 } from './1764800000000-KnowledgeBase';
import { KbSearchInline1764800000001 } from './1764800000001-KbSearchInline';
import { Skm1764850000000 } from './1764850000000-Skm';
import { AgentWorkspace1764900000000 } from './1764900000000-AgentWorkspace';
import { ReplyTemplates1764950000000 } from './1764950000000-ReplyTemplates';
import { TicketNumberSequences1765000000000 } from './1765000000000-TicketNumberSequences';
import { SessionChangeNotices1765000000001 } from './1765000000001-SessionChangeNotices';
import { SlaReportSummary1766100000000 } from './1766100000000-SlaReportSummary';
import { WorkspaceSearchPaths1766200000000 } from './1766200000000-WorkspaceSearchPaths';

// Listed explicitly (not globbed) so the same list runs from ts sources in tests and from dist.
export const MIGRATIONS = [
  InitialSchema1763700000000,
  MembershipRegistry1763800000000,
  SlaClocks1763900000000,
  SeedCalendars1763900000001,
  ReportSupport1764000000000,
  Letters1764100000000,
  Ratings1764200000000,
  PusintekAccounts1764300000000,
  Digipay1764400000000,
  SearchExtensions1764500000000,
  StaffRoleKinds1764500000001,
  CredentialChanges1764600000000,
  ReopenCycles1764600000001,
  EscalationLevels1764600000002,
  Administration1764700000000,
  ServiceSettings1764750000000,
  KnowledgeBase1764800000000,
  KbSearchInline1764800000001,
  Skm1764850000000,
  AgentWorkspace1764900000000,
  ReplyTemplates1764950000000,
  TicketNumberSequences1765000000000,
  SessionChangeNotices1765000000001,
  SlaReportSummary1766100000000,
  WorkspaceSearchPaths1766200000000,
];
