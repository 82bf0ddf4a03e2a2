import { graphql } from '../graphql';

/** Counts only (`first: 0`): the overview never loads a list. `findings(severity:)` counts that severity and worse. */
export const OverviewCountsQuery = graphql(`
  query OverviewCounts {
    controllers: parties(filter: { kinds: [CONTROLLER] }, first: 0) { totalCount }
    jointControllers: parties(filter: { kinds: [JOINT_CONTROLLER] }, first: 0) { totalCount }
    affiliates: parties(filter: { kinds: [AFFILIATE] }, first: 0) { totalCount }
    processors: parties(filter: { kinds: [PROCESSOR] }, first: 0) { totalCount }
    subProcessors: parties(filter: { kinds: [SUB_PROCESSOR] }, first: 0) { totalCount }
    sdkProviders: parties(filter: { kinds: [SDK_PROVIDER] }, first: 0) { totalCount }
    thirdParties: parties(filter: { kinds: [THIRD_PARTY] }, first: 0) { totalCount }
    publicAuthorities: parties(filter: { kinds: [PUBLIC_AUTHORITY] }, first: 0) { totalCount }
    activities(first: 0) { totalCount }
    flows(first: 0) { totalCount }
    atLeastCritical: findings(severity: CRITICAL, first: 0) { totalCount }
    atLeastHigh: findings(severity: HIGH, first: 0) { totalCount }
    atLeastMedium: findings(severity: MEDIUM, first: 0) { totalCount }
    atLeastLow: findings(severity: LOW, first: 0) { totalCount }
    atLeastInfo: findings(severity: INFO, first: 0) { totalCount }
  }
`);
