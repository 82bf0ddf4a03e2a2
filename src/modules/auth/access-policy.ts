import { HeaderMap } from '@apollo/server';
import { defaultFieldResolver, getNamedType, GraphQLError, isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '../../common/errors';
import type { Caller } from '../../context';
import { Role } from './role';

/** The roles allowed; an empty list allows nobody. */
export type Access = readonly Role[];

const { VIEWER, EDITOR, AUDITOR, ADMIN } = Role;
/** The data map, reference data, and answers about it that name no person. */
const MAP_READERS: Access = [VIEWER, EDITOR, AUDITOR, ADMIN];
const MAP_WRITERS: Access = [EDITOR, ADMIN];
/** Persons, consents, and whatever is worked out for one person. */
const PERSON_READERS: Access = [AUDITOR, ADMIN];
/**
 * Writing persons and consents is for ADMIN alone: EDITOR may not read persons, and these writes
 * answer with what they wrote; AUDITOR changes nothing. A system that feeds persons in (a CRM sync)
 * gets an ADMIN token of its own.
 */
const PERSON_WRITERS: Access = [ADMIN];
const AUDIT_READERS: Access = [AUDITOR, ADMIN];
const TOKEN_ADMINS: Access = [ADMIN];

/**
 * Who may resolve each field. Every field of Query and Mutation needs an entry: a root field
 * without one answers FORBIDDEN to everybody (and test/access-policy.test.ts fails). Other fields
 * are open to whoever reached them, unless listed here or returning a type of TYPE_POLICY.
 * Entries for fields not (yet) in the schema do no harm.
 */
export const FIELD_POLICY: Readonly<Record<string, Access>> = {
  'Query.parties': MAP_READERS,
  'Query.processors': MAP_READERS,
  'Query.subProcessors': MAP_READERS,
  'Query.affiliates': MAP_READERS,
  'Query.sdkProviders': MAP_READERS,
  'Query.party': MAP_READERS,
  'Query.dataCategories': MAP_READERS,
  'Query.dataCategory': MAP_READERS,
  'Query.subjectCategories': MAP_READERS,
  'Query.subjectCategory': MAP_READERS,
  'Query.activities': MAP_READERS,
  'Query.activity': MAP_READERS,
  'Query.flows': MAP_READERS,
  'Query.flow': MAP_READERS,
  'Query.countries': MAP_READERS,
  'Query.regimes': MAP_READERS,
  'Query.regime': MAP_READERS,
  'Query.adequacy': MAP_READERS,
  'Query.adequacyDecisions': MAP_READERS,
  'Query.findings': MAP_READERS,
  'Query.crossBorderTransfers': MAP_READERS,
  'Query.transferRoutes': MAP_READERS,
  'Query.recipientsOfCategory': MAP_READERS,
  'Query.rules': MAP_READERS,
  'Query.exportInventory': MAP_READERS,
  'Query.recordOfProcessing': MAP_READERS,
  'Query.transferRegister': MAP_READERS,
  'Query.expiringEvidence': MAP_READERS,
  'Query.dpvTerms': MAP_READERS,
  // A profile that is not stored: a kind of person, not a person.
  'Query.profileDataFlows': MAP_READERS,
  'Query.person': PERSON_READERS,
  'Query.persons': PERSON_READERS,
  'Query.personsReaching': PERSON_READERS,
  'Query.auditLog': AUDIT_READERS,
  'Query.verifyAuditLog': AUDIT_READERS,
  'Query.apiTokens': TOKEN_ADMINS,
  'Query.me': MAP_READERS,

  'Mutation.createParty': MAP_WRITERS,
  'Mutation.updateParty': MAP_WRITERS,
  'Mutation.deleteParty': MAP_WRITERS,
  'Mutation.createDataCategory': MAP_WRITERS,
  'Mutation.updateDataCategory': MAP_WRITERS,
  'Mutation.deleteDataCategory': MAP_WRITERS,
  'Mutation.createSubjectCategory': MAP_WRITERS,
  'Mutation.updateSubjectCategory': MAP_WRITERS,
  'Mutation.deleteSubjectCategory': MAP_WRITERS,
  'Mutation.createActivity': MAP_WRITERS,
  'Mutation.updateActivity': MAP_WRITERS,
  'Mutation.deleteActivity': MAP_WRITERS,
  'Mutation.createFlow': MAP_WRITERS,
  'Mutation.updateFlow': MAP_WRITERS,
  'Mutation.deleteFlow': MAP_WRITERS,
  'Mutation.importInventory': MAP_WRITERS,
  'Mutation.upsertPerson': PERSON_WRITERS,
  'Mutation.bulkUpsertPersons': PERSON_WRITERS,
  'Mutation.erasePerson': PERSON_WRITERS,
  'Mutation.giveConsent': PERSON_WRITERS,
  'Mutation.withdrawConsent': PERSON_WRITERS,
  'Mutation.createApiToken': TOKEN_ADMINS,
  'Mutation.revokeApiToken': TOKEN_ADMINS,

  // Person data inside answers that are otherwise about the data map.
  'Person.dataFlows': PERSON_READERS,
  'Finding.personIds': PERSON_READERS,
};

/** Types guarded wherever they appear: any field returning one needs these roles as well as its own. */
const TYPE_POLICY: Readonly<Record<string, Access>> = {
  Person: PERSON_READERS,
  PersonConnection: PERSON_READERS,
  PersonEdge: PERSON_READERS,
  PersonsReachingResult: PERSON_READERS,
  Consent: PERSON_READERS,
  AuditEntry: AUDIT_READERS,
  AuditEntryConnection: AUDIT_READERS,
  ApiToken: TOKEN_ADMINS,
};

interface ArgumentRule {
  /** Roles needed when `applies` holds for the field's arguments, on top of the field's own. */
  roles: Access;
  /** The arguments, as the FORBIDDEN message names them. */
  what: string;
  applies(args: Record<string, unknown>): boolean;
}

/** Arguments that turn an answer about the data map into one about persons. */
const ARGUMENT_POLICY: Readonly<Record<string, ArgumentRule>> = {
  'Query.exportInventory': { roles: PERSON_READERS, what: 'includePersons: true', applies: (args) => args.includePersons === true },
};

/**
 * Whether the caller may see what is worked out from stored persons inside an answer that is
 * otherwise about the data map (the whole map's findings): a VIEWER or EDITOR gets the map's alone.
 */
export function mayReadPersons(caller: Caller | undefined): boolean {
  return caller?.role !== undefined && caller.role !== null && PERSON_READERS.includes(caller.role);
}

/**
 * What the caller's token may use, read from this policy so that a front end never keeps a copy of
 * it.
 */
export function describeCaller(caller: Caller): { name: string; role: Role; mayReadPersons: boolean; mayReadAuditLog: boolean; mayChangeMap: boolean } {
  const role = caller.role;
  if (!role) throw unauthenticated();
  return {
    name: caller.name,
    role,
    mayReadPersons: FIELD_POLICY['Query.persons'].includes(role),
    mayReadAuditLog: FIELD_POLICY['Query.auditLog'].includes(role),
    mayChangeMap: FIELD_POLICY['Mutation.importInventory'].includes(role),
  };
}

/**
 * An inventory file with a `persons` section writes persons, and its diff shows their fields before
 * and after; even an empty one (`persons: []`) erases every stored person under prune. Whether a
 * file has one is decided on the document the import applies, after the YAML parser resolved
 * aliases, tags and escapes: never on the text, which can spell `persons` in ways a check of the
 * text does not see. The import calls this before it reads or writes anything.
 */
export function authorizeInventoryDocument(caller: Caller | undefined, document: { persons?: unknown }): void {
  if (document.persons !== undefined) authorize(caller, 'Mutation.importInventory with a file with a persons section', PERSON_WRITERS);
}

/**
 * The roles that may resolve `typeName.field`: those of its own entry and those of the type it
 * returns, both; for a root field with neither, nobody; for any other field, null (no check).
 */
export function requiredRoles(typeName: string, field: GraphQLField<unknown, unknown>, isRootField: boolean): Access | null {
  const rules = [FIELD_POLICY[`${typeName}.${field.name}`], TYPE_POLICY[getNamedType(field.type).name]].filter(
    (rule): rule is Access => rule !== undefined,
  );
  if (rules.length === 0) return isRootField ? [] : null;
  return rules.reduce((allowed, rule) => allowed.filter((role) => rule.includes(role)));
}

function unauthenticated(): GraphQLError {
  return new GraphQLError('Authorization: send an API token as `Authorization: Bearer fm_...`', {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) } },
  });
}

function forbidden(coordinate: string, roles: Access, role: Role): GraphQLError {
  const message =
    roles.length === 0
      ? `${coordinate}: no access rule is declared for this field, so no token may use it`
      : `${coordinate}: needs a token with role ${roles.join(' or ')}; this one is ${role}`;
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, field: coordinate } });
}

function authorize(caller: Caller | undefined, coordinate: string, roles: Access): void {
  if (!caller?.role) throw unauthenticated();
  if (!roles.includes(caller.role)) throw forbidden(coordinate, roles, caller.role);
}

/**
 * Applies the policy to a built schema: wraps the resolver of every field that has a rule, so that
 * no resolver checks roles itself. Fields without a rule keep their resolver untouched (and cost
 * nothing more). Introspection and __typename are open to anybody: the schema is public.
 */
export function enforceAccessPolicy(schema: GraphQLSchema): GraphQLSchema {
  const rootTypes = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const roles = requiredRoles(type.name, field, rootTypes.has(type));
      const argumentRule = ARGUMENT_POLICY[coordinate];
      if (roles === null && argumentRule === undefined) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: { caller?: Caller }, info) => {
        authorize(context.caller, coordinate, roles ?? MAP_READERS);
        if (argumentRule?.applies(args)) authorize(context.caller, `${coordinate} with ${argumentRule.what}`, argumentRule.roles);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
