import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTimeISO, GraphQLJSON, GraphQLLocalDate } from 'graphql-scalars';
import { DATE_OR_DATE_TIME_EXAMPLES, parseDateOrDateTime } from './dates';

/** A calendar date, 'YYYY-MM-DD'. */
export const LocalDate = GraphQLLocalDate;
/** An instant, ISO 8601 with a time zone. */
export const DateTime = GraphQLDateTimeISO;
/** Any JSON value (audit log snapshots). */
export const Json = GraphQLJSON;

function readAsOfText(value: unknown): Date {
  const instant = typeof value === 'string' ? parseDateOrDateTime(value) : null;
  if (instant === null) throw new GraphQLError(`asOf: ${JSON.stringify(value)} is not ${DATE_OR_DATE_TIME_EXAMPLES}`);
  return instant;
}

/** The moment an as-of question asks about, written as a date or as a date-time. */
export const AsOf = new GraphQLScalarType<Date, string>({
  name: 'AsOf',
  description: `The moment a question asks about: ${DATE_OR_DATE_TIME_EXAMPLES}. A date means its start (00:00 UTC).`,
  serialize: (value) => (value instanceof Date ? value.toISOString() : readAsOfText(value).toISOString()),
  parseValue: readAsOfText,
  parseLiteral: (node) => readAsOfText(node.kind === Kind.STRING ? node.value : undefined),
});
