import type { DataSource } from 'typeorm';
import { ConsentKind } from '../domain/consent-kind';
import { flowMapMermaid } from '../modules/exports/flow-diagram';
import type { DataFlowMap } from '../modules/flow-query/flow-query.type';
import type { FlowQueryOptions } from '../modules/flow-query/flow-query-options';
import { personDataFlows, profileDataFlows, type ProfileQuestion } from '../modules/flow-query/person-flows.service';
import type { ConsentEntry } from '../domain/inventory-document';
import { readStoredProfiles } from '../modules/person/person.service';
import { defineCommand, ExitCode, parseAsOf, parseChoice, parseWholeNumber, UsageError, withDatabase } from './command';
import { findingLines } from './findings-command';

const CONSENT_SYNTAX = /^(activity|flow):([^:]+)((?::(?:separate|guardian))*)$/;

/** A --consent: `activity:KEY` or `flow:KEY`, then `:separate` and/or `:guardian`; held from `givenAt` on. */
function parseConsent(value: string, givenAt: string): ConsentEntry {
  const match = CONSENT_SYNTAX.exec(value);
  if (!match) throw new UsageError(`--consent: '${value}' is not activity:KEY or flow:KEY, optionally followed by :separate and :guardian`);
  const [, target, key, flags] = match;
  return {
    activity: target === 'activity' ? key : null,
    flow: target === 'flow' ? key : null,
    kind: flags.includes(':separate') ? ConsentKind.SEPARATE : ConsentKind.ORDINARY,
    givenByGuardian: flags.includes(':guardian'),
    givenAt,
  };
}

const list = (values: readonly string[]): string => values.join(', ') || 'none';
const where = (countries: readonly string[]): string => countries.join(', ') || 'country not on record';

/** The answer for a reader: collections, hops, the summary and the findings. */
function mapText(subject: string, map: DataFlowMap): string {
  const lines = [
    `Where the data of ${subject} flows, as of ${map.asOf} (max depth ${map.maxDepth})`,
    `Collected (${map.collections.length}):`,
    ...map.collections.map(
      (collection) =>
        `  ${collection.activityKey} by ${collection.controllerKey} (${where(collection.controllerCountries)}) on ${collection.legalBasis}: ${list(collection.categoryKeys)}${collection.crossBorderCollection ? ' [collected from abroad]' : ''}`,
    ),
    ...(map.refusedCollections.length === 0
      ? []
      : [`Not collected (${map.refusedCollections.length}):`, ...map.refusedCollections.map((refusal) => `  ${refusal.activityKey}: ${refusal.message}`)]),
    `Hops (${map.hops.length}):`,
    ...map.hops.flatMap((hop) => [
      `  ${hop.fromKey} (${where(hop.fromCountries)}) -> ${hop.toKey} (${where(hop.toCountries)}) via ${hop.flowKey}, ${hop.legalBasis}, ${hop.mechanism ?? 'no mechanism'}: ${list(hop.categoryKeys)}`,
      ...(hop.findings.length === 0 ? [] : [`      ${hop.verdict} under ${list(hop.regimes)}: ${hop.reasons.join('; ')}`]),
    ]),
    `Verdicts: ${map.summary.lawfulHopCount} lawful, ${map.summary.lawfulWithGapsHopCount} lawful with gaps, ${map.summary.unlawfulHopCount} unlawful, ${map.summary.undeterminedHopCount} undetermined`,
    `Countries reached: ${list(map.summary.countriesReached)}`,
    ...(map.summary.unknownDestinations.length === 0 ? [] : [`Destination unknown (no country on record): ${list(map.summary.unknownDestinations)}`]),
    `Recipients (${map.summary.recipients.length}):`,
    ...map.summary.recipients.map((recipient) => `  ${recipient.partyKey} (${recipient.kind}; ${where(recipient.countries)}): ${list(recipient.categoryKeys)}`),
    `Findings (${map.findings.length}):`,
  ];
  return `${lines.join('\n')}\n${findingLines(map.findings, '  ')}`;
}

interface FlowQuestion {
  /** Whose data, for the heading of the text answer. */
  subject: string;
  ask(dataSource: DataSource, options: FlowQueryOptions): Promise<DataFlowMap | null>;
}

interface FlowQuestionOptions {
  person?: string;
  profile?: boolean;
  subject?: string;
  country?: string;
  age?: string;
  consent?: string[];
}

/** The question the options ask: about a stored person, or about a profile (its consents held from `asOf`). */
function flowQuestion(values: FlowQuestionOptions, asOf: string): FlowQuestion {
  const { person, profile } = values;
  if (person !== undefined && !profile) {
    const profileOption = (['subject', 'country', 'age', 'consent'] as const).find((name) => values[name] !== undefined);
    if (profileOption) throw new UsageError(`--${profileOption} goes with --profile, not --person`);
    const ask = async (dataSource: DataSource, options: FlowQueryOptions) => personDataFlows(dataSource, (await readStoredProfiles(dataSource, [person]))[0], options);
    return { subject: `person ${person}`, ask };
  }
  if (!profile || person !== undefined) throw new UsageError('name exactly one of --person ID and --profile');
  if (values.subject === undefined || values.country === undefined) throw new UsageError('--profile needs --subject and --country');
  const question: ProfileQuestion = {
    subjectCategories: values.subject.split(',').map((key) => key.trim()),
    countryOfResidence: values.country,
    age: parseWholeNumber('age', values.age),
    consents: (values.consent ?? []).map((consent) => parseConsent(consent, asOf)),
  };
  return {
    subject: `a profile (${question.subjectCategories.join(', ')} in ${question.countryOfResidence})`,
    ask: (dataSource, options) => profileDataFlows(dataSource, question, options),
  };
}

export const flowsCommand = defineCommand({
  name: 'flows',
  summary: "where a person's (or a kind of person's) data flows, as text, JSON or a Mermaid diagram",
  help: `Usage: flowmap flows --person ID [options]
       flowmap flows --profile --subject KEY[,KEY] --country CC [--age N] [--consent SPEC ...] [options]

Where the data of a stored person, or of a kind of person that is not stored (a profile), flows:
the activities that collect it, every hop with its countries, regimes, mechanism and lawfulness,
the countries and recipients reached, and the findings.

Options:
  --person ID                  a stored person, by external id
  --profile                    ask for a profile instead:
    --subject KEY[,KEY]        its subject categories
    --country CC               its country of residence (ISO 3166-1 alpha-2)
    --age N                    its age in years (default: an adult)
    --consent SPEC             a consent it holds, repeatable: activity:KEY or flow:KEY,
                               then :separate (a separate consent) and/or :guardian (given by a guardian)
  --as-of ISO                  the time asked about (default now)
  --max-depth N                hops followed from each controller (default 8, at most 16)
  --format text|json|mermaid   output format (default text); mermaid: a flowchart grouped by country

Exit codes: 0 ok, 2 usage error (or no such person, subject category, activity or flow),
3 runtime failure.
`,
  options: {
    person: { type: 'string' },
    profile: { type: 'boolean' },
    subject: { type: 'string' },
    country: { type: 'string' },
    age: { type: 'string' },
    consent: { type: 'string', multiple: true },
    'as-of': { type: 'string' },
    'max-depth': { type: 'string' },
    format: { type: 'string' },
  },
  positionals: 0,
  async run({ values }, io) {
    const asOf = parseAsOf(values['as-of']);
    const options = { asOf, maxDepth: parseWholeNumber('max-depth', values['max-depth']) };
    const format = parseChoice('format', values.format, ['text', 'json', 'mermaid']) ?? 'text';
    const question = flowQuestion(values, (asOf ?? new Date()).toISOString());
    const { subject } = question;
    const map = await withDatabase(io, ({ dataSource }) => question.ask(dataSource, options));
    if (!map) throw new UsageError(`--person: no person '${values.person}'`);
    io.stdout.write(format === 'json' ? `${JSON.stringify(map, null, 2)}\n` : format === 'mermaid' ? flowMapMermaid(map) : mapText(subject, map));
    return ExitCode.OK;
  },
});
