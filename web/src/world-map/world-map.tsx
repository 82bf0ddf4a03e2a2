import { useMemo, useState } from 'react';
import { VERDICT_LOOK, VERDICTS } from '../verdict/verdict';
import { arcBetween, type Point } from './arc-geometry';
import { anchorOf, MAP_HEIGHT, MAP_WIDTH, worldGeometry } from './world-geometry';
import type { Route } from './world-map.query';

/** Where routes to a recipient without a country end: a box in the South Pacific, labelled. */
const UNKNOWN_DESTINATION: Point = [70, MAP_HEIGHT - 70];

export function routeKey(route: Route): string {
  return `${route.fromCountry.code}>${route.toCountry?.code ?? '?'}`;
}

export function describeRoute(route: Route): string {
  const to = route.toCountry ? route.toCountry.name : 'a recipient without a country';
  const regimes = route.transferRegimes.length > 0 ? `a transfer under ${route.transferRegimes.join(', ')}` : 'no restricted transfer';
  const mechanisms = route.mechanisms.length > 0 ? route.mechanisms.join(', ') : 'no mechanism';
  return `${route.fromCountry.name} to ${to}: ${route.flowCount} flow${route.flowCount === 1 ? '' : 's'}, worst verdict ${VERDICT_LOOK[route.worstVerdict].label}; ${regimes}; ${mechanisms}`;
}

function adequacyText(routes: readonly Route[], code: string): string[] {
  const lines = new Set<string>();
  for (const route of routes) {
    if (route.toCountry?.code !== code) continue;
    for (const entry of route.destinationAdequacy) lines.add(`${entry.regime}: ${entry.adequate ? 'adequate' : 'not adequate'} (${entry.reason})`);
  }
  return [...lines];
}

interface CountryRole {
  controller: boolean;
  destination: boolean;
}

/**
 * The world map of the overview: the controllers' countries and each destination, an arc per
 * route coloured by its worst verdict with the verdict's mark on it, and a country's adequacy
 * shown on hover or keyboard focus.
 */
export function WorldMap(props: { routes: readonly Route[]; controllerCountries: readonly string[] }) {
  const { routes, controllerCountries } = props;
  const { countries } = worldGeometry();
  const [focused, setFocused] = useState<string | null>(null);

  const roles = useMemo(() => {
    const byCode = new Map<string, CountryRole>();
    const roleOf = (code: string) => byCode.get(code) ?? byCode.set(code, { controller: false, destination: false }).get(code)!;
    for (const code of controllerCountries) roleOf(code).controller = true;
    for (const route of routes) if (route.toCountry) roleOf(route.toCountry.code).destination = true;
    return byCode;
  }, [routes, controllerCountries]);

  const arcs = useMemo(
    () =>
      routes.flatMap((route) => {
        const from = anchorOf(route.fromCountry.code);
        const to = route.toCountry ? anchorOf(route.toCountry.code) : UNKNOWN_DESTINATION;
        if (!from || !to) return [];
        return [{ route, key: routeKey(route), ...arcBetween(from, to) }];
      }),
    [routes],
  );
  const unplaced = routes.filter((route) => !arcs.some((arc) => arc.route === route));
  const hasUnknown = routes.some((route) => route.toCountry === null);

  const focusedCountry = focused ? countries.find((country) => country.code === focused) : undefined;
  const focusedRole = focused ? roles.get(focused) : undefined;
  const focusedAdequacy = focused ? adequacyText(routes, focused) : [];

  return (
    <figure className="world-map">
      <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="group" aria-label="World map of where data goes">
        <defs>
          {VERDICTS.map((verdict) => (
            <marker key={verdict} id={`arrow-${verdict}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className={`arrow arrow-${verdict.toLowerCase()}`} />
            </marker>
          ))}
        </defs>
        <path className="sphere" d={`M 0 0 H ${MAP_WIDTH} V ${MAP_HEIGHT} H 0 Z`} />
        <g className="countries">
          {countries.map((country, index) => {
            const role = country.code ? roles.get(country.code) : undefined;
            const className = ['country', role?.controller ? 'controller-country' : '', role?.destination ? 'destination-country' : ''].filter(Boolean).join(' ');
            if (!role || !country.code) return <path key={country.code ?? `shape-${index}`} className={className} d={country.path} />;
            const code = country.code;
            const label = `${country.name}${role.controller ? ', controller country' : ''}${role.destination ? ', destination' : ''}`;
            return (
              <path
                key={code}
                className={className}
                d={country.path}
                data-country={code}
                tabIndex={0}
                role="img"
                aria-label={label}
                onMouseEnter={() => setFocused(code)}
                onFocus={() => setFocused(code)}
                onMouseLeave={() => setFocused(null)}
                onBlur={() => setFocused(null)}
              >
                <title>{[label, ...adequacyText(routes, code)].join('\n')}</title>
              </path>
            );
          })}
        </g>
        {hasUnknown && (
          <g className="unknown-destination" transform={`translate(${UNKNOWN_DESTINATION[0]} ${UNKNOWN_DESTINATION[1]})`}>
            <rect x="-52" y="-2" width="104" height="38" rx="6" />
            <text x="0" y="14" textAnchor="middle">
              Country
            </text>
            <text x="0" y="29" textAnchor="middle">
              unknown
            </text>
          </g>
        )}
        <g className="routes">
          {arcs.map(({ route, key, path, middle }) => (
            <g key={key} className={`route route-${route.worstVerdict.toLowerCase()}`} data-route={key} data-verdict={route.worstVerdict} role="img" aria-label={describeRoute(route)}>
              <title>{describeRoute(route)}</title>
              <path className="arc" d={path} markerEnd={`url(#arrow-${route.worstVerdict})`} strokeWidth={Math.min(2 + route.flowCount, 8)} />
              <circle cx={middle[0]} cy={middle[1]} r="9" className="arc-mark" />
              <text x={middle[0]} y={middle[1] + 4} textAnchor="middle" className="arc-mark-text" aria-hidden="true">
                {VERDICT_LOOK[route.worstVerdict].mark}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption>
        <ul className="legend" aria-label="Legend">
          {VERDICTS.map((verdict) => (
            <li key={verdict} className={`verdict verdict-${verdict.toLowerCase()}`}>
              <span className="legend-line" aria-hidden="true" /> <span aria-hidden="true">{VERDICT_LOOK[verdict].mark}</span> {VERDICT_LOOK[verdict].label}
            </li>
          ))}
          <li>
            <span className="legend-swatch controller-country" aria-hidden="true" /> controller country
          </li>
          <li>
            <span className="legend-swatch destination-country" aria-hidden="true" /> destination
          </li>
        </ul>
        <p className="map-focus" aria-live="polite">
          {focusedCountry
            ? [`${focusedCountry.name}${focusedRole?.controller ? ' (controller country)' : ''}`, ...(focusedAdequacy.length > 0 ? focusedAdequacy : [focusedRole?.destination ? 'No restricted transfer lands here.' : ''])].filter(Boolean).join(' · ')
            : 'Point at or tab to a country for its adequacy status.'}
        </p>
        {unplaced.length > 0 && <p className="hint">Not on the map (too small to place): {unplaced.map(describeRoute).join('; ')}</p>}
      </figcaption>
    </figure>
  );
}
