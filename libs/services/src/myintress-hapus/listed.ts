/** The memberships a deletion request lists. */
export const listedMemberships = (form: Record<string, unknown>) =>
  (form.pengguna as Array<{ membershipId: string }>).map((p) => p.membershipId);
