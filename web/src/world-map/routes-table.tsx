import { VerdictBadge } from '../verdict/verdict-badge';
import { routeKey } from './world-map';
import type { Route } from './world-map.query';

/** The routes of the map as a table: the same facts for a screen reader, a narrow phone, or a copy. */
export function RoutesTable(props: { routes: readonly Route[] }) {
  return (
    <div className="table-scroll">
      <table className="routes-table">
        <caption className="visually-hidden">Routes between countries</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Flows</th>
            <th scope="col">Worst verdict</th>
            <th scope="col">Transfer under</th>
            <th scope="col">Mechanisms</th>
            <th scope="col">Destination adequacy</th>
          </tr>
        </thead>
        <tbody>
          {props.routes.map((route) => (
            <tr key={routeKey(route)} data-route={routeKey(route)}>
              <td>{route.fromCountry.name}</td>
              <td>{route.toCountry ? route.toCountry.name : <em>unknown (no country on record)</em>}</td>
              <td>{route.flowCount}</td>
              <td>
                <VerdictBadge verdict={route.worstVerdict} />
              </td>
              <td>{route.transferRegimes.length > 0 ? route.transferRegimes.join(', ') : '—'}</td>
              <td>{route.mechanisms.length > 0 ? route.mechanisms.join(', ') : 'none'}</td>
              <td>
                {route.destinationAdequacy.length > 0
                  ? route.destinationAdequacy.map((entry) => (
                      <div key={entry.regime}>
                        {entry.regime}: {entry.adequate ? 'adequate' : 'not adequate'} <span className="hint">({entry.reason})</span>
                      </div>
                    ))
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
