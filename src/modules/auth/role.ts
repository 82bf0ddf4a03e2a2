import { registerEnumType } from 'type-graphql';

/** What a token may do. The roles are not a ladder: an AUDITOR reads persons, an EDITOR does not. */
export enum Role {
  VIEWER = 'VIEWER',
  EDITOR = 'EDITOR',
  AUDITOR = 'AUDITOR',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What an API token may do.',
  valuesConfig: {
    VIEWER: { description: 'Reads the data map; no persons, no audit log.' },
    EDITOR: { description: 'Reads and changes the data map, imports inventory files; no persons.' },
    AUDITOR: { description: 'Reads everything, persons and the audit log included; changes nothing.' },
    ADMIN: { description: 'Everything, persons and API tokens included.' },
  },
});
