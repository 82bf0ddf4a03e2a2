import { SeverityBadge } from '../findings/severity-badge';
import { VerdictBadge } from '../verdict/verdict-badge';
import { worldGeometry } from '../world-map/world-geometry';
import { FlowGraph } from './flow-graph';
import type { FlowMap, StoredPerson } from './person-flows.query';

function countryNames(): Map<string, string> {
  return new Map(worldGeometry().countries.filter((country) => country.code !== null).map((country) => [country.code as string, country.name]));
}

type Consent = StoredPerson['consents'][number];

function consentStatus(consent: Consent, asOf: string): { text: string; open: boolean } {
  if (consent.givenAt > asOf) return { text: `given later, on ${consent.givenAt.slice(0, 10)}: no path yet`, open: false };
  if (consent.withdrawnAt && consent.withdrawnAt <= asOf) return { text: `withdrawn on ${consent.withdrawnAt.slice(0, 10)}: closes its paths`, open: false };
  return { text: `in force since ${consent.givenAt.slice(0, 10)}: opens its paths`, open: true };
}

/** One answer of the API (a stored person's or a profile's): graph, hops, consents, findings. */
export function FlowAnswer(props: { map: FlowMap; consents: readonly Consent[] | null }) {
  const { map } = props;
  const names = countryNames();
  const { summary } = map;
  const consentHops = map.hops.filter((hop) => hop.consentRequired);
  return (
    <>
      <p role="status" className="answer-summary">
        As of {map.asOf.slice(0, 10)}: {map.hops.length} hop{map.hops.length === 1 ? '' : 's'} to {map.parties.length} part{map.parties.length === 1 ? 'y' : 'ies'}, reaching{' '}
        {summary.countriesReached.length > 0 ? summary.countriesReached.map((code) => names.get(code) ?? code).join(', ') : 'no country on record'}; {summary.unlawfulHopCount} unlawful,{' '}
        {summary.undeterminedHopCount} undetermined, {summary.lawfulWithGapsHopCount} lawful with gaps, {summary.lawfulHopCount} lawful.
      </p>
      <section aria-labelledby="graph-title">
        <h2 id="graph-title">Graph</h2>
        <FlowGraph map={map} countryNames={names} />
      </section>
      <section aria-labelledby="hops-title">
        <h2 id="hops-title">Hops</h2>
        <div className="table-scroll">
          <table className="hops-table">
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Flow</th>
                <th scope="col">Categories</th>
                <th scope="col">Basis</th>
                <th scope="col">Mechanism</th>
                <th scope="col">Transfer under</th>
                <th scope="col">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {map.hops.map((hop, index) => (
                <tr key={`${hop.flowKey}-${index}`} data-hop={hop.flowKey}>
                  <td>
                    {hop.fromKey} <span className="hint">({hop.fromCountries.join(', ') || '?'})</span>
                  </td>
                  <td>
                    {hop.toKey} <span className="hint">({hop.toCountries.join(', ') || 'no country'})</span>
                  </td>
                  <td>
                    <code>{hop.flowKey}</code>
                  </td>
                  <td>{hop.categoryKeys.join(', ')}</td>
                  <td>
                    {hop.legalBasis}
                    {hop.consentRequired ? ' (consent held)' : ''}
                  </td>
                  <td>{hop.mechanism ?? 'none'}</td>
                  <td>{hop.transferRegimes.join(', ') || '—'}</td>
                  <td>
                    <VerdictBadge verdict={hop.verdict} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="consents-title">
        <h2 id="consents-title">Consents</h2>
        {props.consents && props.consents.length > 0 ? (
          <ul className="consents">
            {props.consents.map((consent, index) => {
              const status = consentStatus(consent, map.asOf);
              return (
                <li key={index} data-consent={consent.flow?.key ?? consent.activity?.key ?? ''} data-open={status.open}>
                  {consent.kind} consent to {consent.flow ? `flow ${consent.flow.key}` : `activity ${consent.activity?.key ?? '?'}`}
                  {consent.givenByGuardian ? ' (by a guardian)' : ''}: {status.text}
                </li>
              );
            })}
          </ul>
        ) : (
          <p>{props.consents ? 'No consent on record.' : 'The profile gives no consent on record here.'}</p>
        )}
        {consentHops.length > 0 && <p>Hops that a held consent opens: {consentHops.map((hop) => hop.flowKey).join(', ')}.</p>}
      </section>
      <section aria-labelledby="answer-findings-title">
        <h2 id="answer-findings-title">Findings</h2>
        {map.findings.length === 0 ? (
          <p>No finding.</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Severity</th>
                  <th scope="col">Finding</th>
                  <th scope="col">Article</th>
                  <th scope="col">Flows</th>
                </tr>
              </thead>
              <tbody>
                {map.findings.map((finding, index) => (
                  <tr key={`${finding.ruleId}-${index}`}>
                    <td>
                      <SeverityBadge severity={finding.severity} />
                    </td>
                    <td>
                      <code>{finding.ruleId}</code> {finding.message}
                    </td>
                    <td>{finding.legalReference}</td>
                    <td>{finding.flowKeys.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
