import { TICKET_NOTICES, toFiler, type ServiceNotices } from '@loket/services';

export const notices: ServiceNotices = { ...TICKET_NOTICES, COMPLETE: [toFiler('uji.disetujui', 'message')] };
