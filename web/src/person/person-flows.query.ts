import { graphql, type ResultOf } from '../graphql';

export const DataFlowMapFields = graphql(`
  fragment DataFlowMapFields on DataFlowMap {
    asOf
    parties { key name kind countries }
    hops {
      flowKey activityKey fromKey toKey fromCountries toCountries categoryKeys
      legalBasis consentRequired consentHeld mechanism regimes transferRegimes verdict reasons
    }
    summary { countriesReached unlawfulHopCount lawfulWithGapsHopCount undeterminedHopCount lawfulHopCount }
    findings { ruleId severity message legalReference flowKeys activityKeys }
  }
`);

/** AUDITOR and ADMIN only: the console sends it only when `me.mayReadPersons`. */
export const PersonFlowsQuery = graphql(
  `
    query PersonFlows($externalId: String!, $asOf: AsOf) {
      person(externalId: $externalId) {
        externalId
        countryOfResidence { code name }
        subjectCategories { key }
        consents { kind givenAt withdrawnAt givenByGuardian activity { key } flow { key } }
        dataFlows(asOf: $asOf) { ...DataFlowMapFields }
      }
    }
  `,
  [DataFlowMapFields],
);

export const ProfileFlowsQuery = graphql(
  `
    query ProfileFlows($profile: SubjectProfileInput!, $asOf: AsOf) {
      profileDataFlows(profile: $profile, asOf: $asOf) { ...DataFlowMapFields }
    }
  `,
  [DataFlowMapFields],
);

export type FlowMap = ResultOf<typeof DataFlowMapFields>;
export type Hop = FlowMap['hops'][number];
export type StoredPerson = NonNullable<ResultOf<typeof PersonFlowsQuery>['person']>;
