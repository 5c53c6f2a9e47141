import { personInForm, type ServiceNotices } from '../notices';
import { TICKET_NOTICES } from '../ticket-notices';

/** The common notices; on completion the new admin also hears that their account is active. */
export const notices: ServiceNotices = {
  ...TICKET_NOTICES,
  COMPLETE: [
    ...(TICKET_NOTICES.COMPLETE ?? []),
    {
      topic: 'digipay.admin-active',
      to: personInForm,
      payload: (facts, to) => ({ name: to.name, satkerName: facts.filer.satkerName }),
    },
  ],
};
