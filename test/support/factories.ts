/** Plain inputs for the registry mutations, with defaults a test can override. */

export function makeParty(overrides: Record<string, unknown> = {}) {
  return { key: 'acme', name: 'Acme GmbH', kind: 'CONTROLLER', countries: ['DE'], ...overrides };
}

export function makeCategory(overrides: Record<string, unknown> = {}) {
  return { key: 'contact.email', name: 'Email address', ...overrides };
}

export function makeSubject(overrides: Record<string, unknown> = {}) {
  return { key: 'app-user', name: 'App user', ...overrides };
}

export function makeActivity(overrides: Record<string, unknown> = {}) {
  return {
    key: 'accounts',
    name: 'User accounts',
    purpose: 'Run the user account',
    controller: 'acme',
    legalBasis: 'CONTRACT',
    subjectCategories: ['app-user'],
    dataCategories: [{ category: 'contact', required: true }],
    retention: { period: 'P1Y' },
    effectiveFrom: '2024-01-01',
    ...overrides,
  };
}

export function makeFlow(overrides: Record<string, unknown> = {}) {
  return {
    key: 'accounts-to-cloud',
    activity: 'accounts',
    from: 'acme',
    to: 'cloud',
    dataCategories: ['contact.email'],
    effectiveFrom: '2024-01-01',
    ...overrides,
  };
}

export const CREATE = {
  party: 'mutation($input: CreatePartyInput!) { createParty(input: $input) { id key version } }',
  category: 'mutation($input: CreateDataCategoryInput!) { createDataCategory(input: $input) { id key } }',
  subject: 'mutation($input: CreateSubjectCategoryInput!) { createSubjectCategory(input: $input) { id key } }',
  activity: 'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id key } }',
  flow: 'mutation($input: CreateFlowInput!) { createFlow(input: $input) { id key } }',
} as const;
