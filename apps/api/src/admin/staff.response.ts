import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES, type RoleGranted, type RoleRevoked, type StaffRoleName, type StaffView } from '@loket/admin';

export class StaffRoleResponse {
  @ApiProperty({ example: 'KPPN-201' }) officeCode: string;
  @ApiProperty({ example: 'KPPN Jayapura' }) officeName: string;
  @ApiProperty({ enum: STAFF_ROLES }) role: StaffRoleName;
}

/** A person holding roles at offices in the admin's scope (the NIK masked). */
export class StaffResponse {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ example: '9171********0004' }) nikMasked: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ description: 'Sudah mengaktifkan identitas DIGIT (memasang kata sandi)' }) activated: boolean;
  @ApiProperty({ type: [StaffRoleResponse] }) roles: StaffRoleResponse[];
}

export class RoleGrantedResponse {
  @ApiProperty({ type: StaffResponse }) person: StaffResponse;
  @ApiProperty({ description: 'Identitas DIGIT baru dibuat dan e-mail aktivasi dikirim' }) identityCreated: boolean;
}

export class RoleRevokedResponse {
  @ApiProperty({
    type: StaffResponse,
    nullable: true,
    description: 'null bila orang itu tidak lagi memegang peran dalam cakupan',
  })
  person: StaffResponse | null;
  @ApiProperty({ type: [String], description: 'Nomor tiket yang dikembalikan ke antrean' }) ticketsReturned: string[];
  @ApiProperty({ type: 'integer' }) sessionsEnded: number;
}

export const staffResponse = (s: StaffView): StaffResponse => ({
  personId: s.personId,
  nikMasked: s.nikMasked,
  name: s.name,
  email: s.email,
  activated: s.activated,
  roles: s.roles.map((r) => ({ officeCode: r.officeCode, officeName: r.officeName, role: r.role })),
});

export const roleGrantedResponse = (g: RoleGranted): RoleGrantedResponse => ({
  person: staffResponse(g.person),
  identityCreated: g.identityCreated,
});

export const roleRevokedResponse = (r: RoleRevoked): RoleRevokedResponse => ({
  person: r.person && staffResponse(r.person),
  ticketsReturned: r.ticketsReturned,
  sessionsEnded: r.sessionsEnded,
});
