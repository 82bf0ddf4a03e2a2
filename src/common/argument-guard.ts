import {
  defaultFieldResolver,
  getNullableType,
  GraphQLID,
  isInputObjectType,
  isListType,
  isObjectType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { ProblemList } from './errors';

/** Every `ID` of this API is a row's UUID. */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Arguments, as `Type.field.argument`, whose text is checked by a parser of its own that reports line and column. */
export type ArgumentExemptions = ReadonlySet<string>;

/**
 * What no text argument may hold: PostgreSQL refuses U+0000 in text and jsonb, and a lone UTF-16
 * surrogate is no character at all (UTF-8 cannot encode it; jsonb refuses its escape).
 */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (/\p{Surrogate}/u.test(value)) return 'must be valid Unicode text: it holds a lone surrogate (U+D800 to U+DFFF), which is no character';
  return null;
}

function quoted(value: string): string {
  return value.length > 60 ? `'${value.slice(0, 60)}...'` : `'${value}'`;
}

function checkValue(type: GraphQLInputType, value: unknown, at: string, problems: ProblemList): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) value.forEach((item, index) => checkValue(nullable.ofType, item, `${at}[${index}]`, problems));
    return;
  }
  if (isInputObjectType(nullable)) {
    const fields = value as Record<string, unknown>;
    for (const field of Object.values(nullable.getFields())) checkValue(field.type, fields[field.name], `${at}.${field.name}`, problems);
    return;
  }
  if (typeof value !== 'string') return;
  const problem = textProblem(value);
  if (problem) problems.add(at, problem);
  else if (nullable === GraphQLID && !UUID_PATTERN.test(value)) problems.add(at, `${quoted(value)} is not an id of this API (a UUID)`);
}

/**
 * Checks the coerced arguments of every field before its resolver runs, so that no resolver, and
 * no SQL statement, ever sees text PostgreSQL would refuse (an error the client would otherwise
 * get as an internal one) or an `ID` that cannot be one. One BAD_USER_INPUT error names each
 * offending argument, e.g. `input.countries[1]`. Wraps the resolvers of fields with arguments
 * only; apply it before the access policy, so that an unauthorised caller hears FORBIDDEN first.
 */
export function guardArguments(schema: GraphQLSchema, exemptions: ArgumentExemptions = new Set()): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const checked = field.args.filter((argument) => !exemptions.has(`${type.name}.${field.name}.${argument.name}`));
      if (checked.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        const problems = new ProblemList();
        for (const argument of checked) checkValue(argument.type, args[argument.name], argument.name, problems);
        problems.throwIfAny();
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
