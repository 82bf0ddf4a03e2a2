import { useState } from 'react';
import { useQuery } from '../api/use-query';
import { QueryStatus } from '../shell/query-status';
import { RoutesTable } from '../world-map/routes-table';
import { WorldMap } from '../world-map/world-map';
import { WorldMapQuery } from '../world-map/world-map.query';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The overview's world map with its as-of date, and the same routes as a table. */
export function WhereDataGoes(props: { initialAsOf?: string }) {
  const [asOf, setAsOf] = useState(props.initialAsOf ?? today());
  const map = useQuery(WorldMapQuery, { asOf: asOf || undefined });
  return (
    <section className="card wide overview-map" aria-labelledby="where-title">
      <div className="card-heading">
        <h2 id="where-title">Where data goes</h2>
        <label className="inline-field">
          As of <input type="date" value={asOf} onChange={(event) => setAsOf(event.target.value)} />
        </label>
      </div>
      <QueryStatus state={map} what="the routes">
        {(data) => {
          const controllerCountries = [...new Set(data.controllers.nodes.flatMap((party) => party.countries.map((country) => country.code)))];
          return (
            <>
              <p className="hint">
                {data.transferRoutes.length} route{data.transferRoutes.length === 1 ? '' : 's'} from the controllers in{' '}
                {[...new Set(data.controllers.nodes.flatMap((party) => party.countries.map((country) => country.name)))].join(', ') || 'no country'}.
              </p>
              <WorldMap routes={data.transferRoutes} controllerCountries={controllerCountries} />
              <RoutesTable routes={data.transferRoutes} />
            </>
          );
        }}
      </QueryStatus>
    </section>
  );
}
