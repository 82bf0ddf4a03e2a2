import { GraphQLDateTimeISO, GraphQLJSON, GraphQLLocalDate } from 'graphql-scalars';

/** A calendar date, 'YYYY-MM-DD'. */
export const LocalDate = GraphQLLocalDate;
/** An instant, ISO 8601 with a time zone. */
export const DateTime = GraphQLDateTimeISO;
/** Any JSON value (audit log snapshots). */
export const Json = GraphQLJSON;
