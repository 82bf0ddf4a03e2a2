import { geoArea, geoCentroid, geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { numericToAlpha2 } from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesTopology from 'world-atlas/countries-110m.json';

/** Natural Earth's 1:110m countries (the world-atlas package), bundled: the map needs no network. */
export interface CountryShape {
  /** ISO 3166-1 alpha-2, or null for the few shapes without a numeric code (Kosovo, N. Cyprus, Somaliland). */
  code: string | null;
  name: string;
  path: string;
  /** Where arcs start and end: the centre of the country's largest polygon (France's, not between Europe and Guiana). */
  anchor: [number, number];
}

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 480;

function largestPolygon(geometry: Geometry): Polygon | MultiPolygon | Geometry {
  if (geometry.type !== 'MultiPolygon') return geometry;
  let best: Polygon = { type: 'Polygon', coordinates: geometry.coordinates[0] };
  let bestArea = -1;
  for (const coordinates of geometry.coordinates) {
    const polygon: Polygon = { type: 'Polygon', coordinates };
    const area = geoArea(polygon);
    if (area > bestArea) [best, bestArea] = [polygon, area];
  }
  return best;
}

let cached: { projection: GeoProjection; countries: CountryShape[]; byCode: Map<string, CountryShape> } | null = null;

/** The projected world, computed once. */
export function worldGeometry(): { projection: GeoProjection; countries: CountryShape[]; byCode: Map<string, CountryShape> } {
  if (cached) return cached;
  const topology = countriesTopology as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const projection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    { type: 'Sphere' },
  );
  const toPath = geoPath(projection);
  const countries = collection.features.map((shape: Feature<Geometry, { name: string }>) => {
    const code = shape.id === undefined ? null : (numericToAlpha2(String(shape.id)) ?? null);
    const [x, y] = projection(geoCentroid(largestPolygon(shape.geometry) as Geometry)) ?? [0, 0];
    return { code, name: shape.properties.name, path: toPath(shape) ?? '', anchor: [x, y] as [number, number] };
  });
  const byCode = new Map(countries.filter((country) => country.code !== null).map((country) => [country.code as string, country]));
  cached = { projection, countries, byCode };
  return cached;
}

/** Where a country too small for the 1:110m shapes (Singapore, Hong Kong, Macao...) sits: its anchor from a point. */
const SMALL_COUNTRY_POINTS: Readonly<Record<string, [number, number]>> = {
  SG: [103.8, 1.35],
  HK: [114.17, 22.32],
  MO: [113.54, 22.2],
  MT: [14.4, 35.9],
  LU: [6.13, 49.61],
  MC: [7.42, 43.74],
  LI: [9.55, 47.16],
  BH: [50.55, 26.07],
  MU: [57.55, -20.2],
  SC: [55.45, -4.68],
  MV: [73.5, 4.17],
  AD: [1.52, 42.51],
  SM: [12.45, 43.94],
  VA: [12.45, 41.9],
  GI: [-5.35, 36.14],
  IM: [-4.55, 54.23],
  JE: [-2.13, 49.21],
  GG: [-2.58, 49.45],
  BM: [-64.75, 32.3],
  KY: [-81.25, 19.3],
};

/** The point arcs use for a country, or null when the map cannot place it. */
export function anchorOf(code: string): [number, number] | null {
  const { byCode, projection } = worldGeometry();
  const shape = byCode.get(code);
  if (shape) return shape.anchor;
  const point = SMALL_COUNTRY_POINTS[code];
  return point ? (projection(point) ?? null) : null;
}
