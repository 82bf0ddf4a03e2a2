import { graphql } from '../graphql';

export const FINDINGS_PAGE_SIZE = 50;

export const FindingsPageQuery = graphql(`
  query FindingsPage($severity: Severity, $rule: String, $party: String, $first: Int, $after: String) {
    findings(severity: $severity, rule: $rule, party: $party, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ruleId severity message legalReference partyKeys activityKeys flowKeys personCount }
    }
  }
`);
