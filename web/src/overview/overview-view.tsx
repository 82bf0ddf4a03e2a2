import { useQuery } from '../api/use-query';
import type { ResultOf } from '../graphql';
import { QueryStatus } from '../shell/query-status';
import { routeHref } from '../shell/hash-route';
import { SEVERITIES, type Severity } from '../findings/severity';
import { SeverityBadge } from '../findings/severity-badge';
import { OverviewCountsQuery } from './overview.query';
import { WhereDataGoes } from './where-data-goes';
import type { Route } from '../shell/hash-route';

type Counts = ResultOf<typeof OverviewCountsQuery>;

const PARTY_KINDS: readonly { label: string; kind: string; count: (counts: Counts) => number }[] = [
  { label: 'Controllers', kind: 'CONTROLLER', count: (c) => c.controllers.totalCount },
  { label: 'Joint controllers', kind: 'JOINT_CONTROLLER', count: (c) => c.jointControllers.totalCount },
  { label: 'Affiliates', kind: 'AFFILIATE', count: (c) => c.affiliates.totalCount },
  { label: 'Processors', kind: 'PROCESSOR', count: (c) => c.processors.totalCount },
  { label: 'Sub-processors', kind: 'SUB_PROCESSOR', count: (c) => c.subProcessors.totalCount },
  { label: 'SDK providers', kind: 'SDK_PROVIDER', count: (c) => c.sdkProviders.totalCount },
  { label: 'Third parties', kind: 'THIRD_PARTY', count: (c) => c.thirdParties.totalCount },
  { label: 'Public authorities', kind: 'PUBLIC_AUTHORITY', count: (c) => c.publicAuthorities.totalCount },
];

/** The API counts a severity with the worse ones (`findings(severity: HIGH)`: HIGH and CRITICAL), and so does the list each count links to. */
function atLeast(counts: Counts, severity: Severity): number {
  const field = { CRITICAL: counts.atLeastCritical, HIGH: counts.atLeastHigh, MEDIUM: counts.atLeastMedium, LOW: counts.atLeastLow, INFO: counts.atLeastInfo }[severity];
  return field.totalCount;
}

export function OverviewView(props: { route: Route }) {
  const counts = useQuery(OverviewCountsQuery, {});
  return (
    <>
      <h1>Overview</h1>
      <QueryStatus state={counts} what="the counts">
        {(data) => {
          return (
            <div className="cards">
              <section className="card" aria-labelledby="parties-title">
                <h2 id="parties-title">Parties</h2>
                <dl className="counts">
                  {PARTY_KINDS.map(({ label, kind, count }) => (
                    <div key={kind} data-kind={kind}>
                      <dt>{label}</dt>
                      <dd>{count(data)}</dd>
                    </div>
                  ))}
                </dl>
              </section>
              <section className="card" aria-labelledby="map-title">
                <h2 id="map-title">Processing</h2>
                <dl className="counts">
                  <div data-count="activities">
                    <dt>Activities</dt>
                    <dd>{data.activities.totalCount}</dd>
                  </div>
                  <div data-count="flows">
                    <dt>Flows</dt>
                    <dd>{data.flows.totalCount}</dd>
                  </div>
                </dl>
              </section>
              <section className="card" aria-labelledby="findings-title">
                <h2 id="findings-title">Findings</h2>
                <ul className="severity-counts">
                  {SEVERITIES.map((severity) => (
                    <li key={severity} data-severity={severity}>
                      <a href={routeHref('/findings', { severity })}>
                        <span className="count">{atLeast(data, severity)}</span> <SeverityBadge severity={severity} />
                        {severity === 'CRITICAL' ? '' : <span className="or-worse"> or worse</span>}
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
            </div>
          );
        }}
      </QueryStatus>
      <WhereDataGoes initialAsOf={props.route.params.get('asOf') ?? undefined} />
    </>
  );
}
