import { personInForm, type NoticeFacts, type ServiceNotices, type Addressee } from '../notices';

const person = (facts: NoticeFacts, to: Addressee) => ({ name: to.name, satkerName: facts.filer.satkerName });

/** The person registered hears the outcome, and nothing else; the satker sees it in Daftar Pengguna. */
export const notices: ServiceNotices = {
  COMPLETE: [{ topic: 'membership.approved', to: personInForm, payload: person }],
  REJECT: [
    {
      topic: 'membership.rejected',
      to: personInForm,
      payload: (facts, to) => ({ ...person(facts, to), reason: facts.event.text ?? '' }),
    },
  ],
};
