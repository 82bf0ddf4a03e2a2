import { graphql, type ResultOf } from '../graphql';

export const MeQuery = graphql(`
  query Me {
    me {
      name
      role
      mayReadPersons
      mayReadAuditLog
      mayChangeMap
    }
  }
`);

/** Who is signed in and what the token may use: every view asks this, never the access policy itself. */
export type Me = ResultOf<typeof MeQuery>['me'];
