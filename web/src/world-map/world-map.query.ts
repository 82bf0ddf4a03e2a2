import { graphql, type ResultOf } from '../graphql';

export const WorldMapQuery = graphql(`
  query WorldMap($asOf: AsOf) {
    transferRoutes(asOf: $asOf) {
      fromCountry { code name }
      toCountry { code name }
      flowCount
      hopCount
      worstVerdict
      transferRegimes
      mechanisms
      destinationAdequacy { regime adequate reason }
    }
    controllers: parties(filter: { kinds: [CONTROLLER] }, first: 100) {
      totalCount
      nodes { key name countries { code name } }
    }
  }
`);

export type Route = ResultOf<typeof WorldMapQuery>['transferRoutes'][number];
