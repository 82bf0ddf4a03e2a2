import { useQuery } from '../api/use-query';
import { navigate, routeHref, type Route } from '../shell/hash-route';
import { QueryStatus } from '../shell/query-status';
import { FINDINGS_PAGE_SIZE, FindingsPageQuery } from './findings.query';
import { isSeverity, SEVERITIES } from './severity';
import { SeverityBadge } from './severity-badge';

/** The findings across the map, one page at a time; the filters live in the address. */
export function FindingsView(props: { route: Route }) {
  const { params } = props.route;
  const severityParam = params.get('severity');
  const severity = isSeverity(severityParam) ? severityParam : undefined;
  const after = params.get('after') ?? undefined;
  const findings = useQuery(FindingsPageQuery, { severity, first: FINDINGS_PAGE_SIZE, after });
  const go = (next: { severity?: string }) => navigate('/findings', { severity, ...next });

  return (
    <>
      <h1>Findings</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="findings-severity">Severity at least</label>
        <select id="findings-severity" value={severity ?? ''} onChange={(event) => go({ severity: event.target.value || undefined })}>
          <option value="">any</option>
          {SEVERITIES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </form>
      <QueryStatus state={findings} what="the findings">
        {({ findings: page }) => (
          <>
            <p role="status">
              {page.totalCount} finding{page.totalCount === 1 ? '' : 's'}
              {severity ? ` of severity ${severity} or worse` : ''}
              {after ? ' (a later page)' : ''}
            </p>
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">Findings</caption>
                <thead>
                  <tr>
                    <th scope="col">Severity</th>
                    <th scope="col">Rule</th>
                    <th scope="col">Finding</th>
                    <th scope="col">Article</th>
                    <th scope="col">Concerns</th>
                  </tr>
                </thead>
                <tbody>
                  {page.nodes.map((finding, index) => (
                    <tr key={`${finding.ruleId}-${index}`}>
                      <td>
                        <SeverityBadge severity={finding.severity} />
                      </td>
                      <td>
                        <code>{finding.ruleId}</code>
                      </td>
                      <td>{finding.message}</td>
                      <td>{finding.legalReference}</td>
                      <td>{[...finding.partyKeys, ...finding.activityKeys, ...finding.flowKeys].join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav className="pager" aria-label="Pages of findings">
              {after && <a href={routeHref('/findings', { severity })}>First page</a>}
              {page.pageInfo.hasNextPage && page.pageInfo.endCursor && <a href={routeHref('/findings', { severity, after: page.pageInfo.endCursor })}>Next page</a>}
            </nav>
          </>
        )}
      </QueryStatus>
    </>
  );
}
