import { useState, type FormEvent } from 'react';
import { documentText } from '../api/graphql-client';
import { useQuery } from '../api/use-query';
import { useSession } from '../session/session';
import { navigate, type Route } from '../shell/hash-route';
import { QueryStatus } from '../shell/query-status';
import { CopyQuery } from './copy-query';
import { FlowAnswer } from './flow-answer';
import { PersonFlowsQuery, ProfileFlowsQuery } from './person-flows.query';

const PATH = '/person';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function keyList(text: string | null): string[] {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A consent the profile describes: ordinary, given long before any date asked about, never withdrawn. */
const PROFILE_CONSENT_GIVEN_AT = '2000-01-01T00:00:00.000Z';

/**
 * "Where does this person's data go": a stored person by external id (for a token that may read
 * persons) or a profile anyone may describe, as of a date. The question lives in the address.
 */
export function PersonView(props: { route: Route }) {
  const { me } = useSession();
  const { params } = props.route;
  const mode = me.mayReadPersons && params.get('mode') !== 'profile' ? 'stored' : 'profile';
  const asOf = params.get('asOf') ?? today();
  const externalId = params.get('externalId') ?? '';
  const country = (params.get('country') ?? '').toUpperCase();
  const categories = keyList(params.get('categories'));
  const ageText = params.get('age') ?? '';
  const consentedActivities = keyList(params.get('consents'));
  const age = ageText === '' ? undefined : Number(ageText);

  const storedVariables = { externalId, asOf };
  const profileVariables = {
    asOf,
    profile: {
      subjectCategories: categories,
      countryOfResidence: country,
      age: age !== undefined && Number.isInteger(age) ? age : undefined,
      consents: consentedActivities.map((activity) => ({ activity, kind: 'ORDINARY' as const, givenAt: PROFILE_CONSENT_GIVEN_AT })),
    },
  };
  // A VIEWER's console never builds the stored-person query: `skip` is set before any request.
  const stored = useQuery(PersonFlowsQuery, storedVariables, { skip: mode !== 'stored' || externalId === '' });
  const profile = useQuery(ProfileFlowsQuery, profileVariables, { skip: mode !== 'profile' || country === '' || categories.length === 0 });

  return (
    <>
      <h1>Where does this person’s data go</h1>
      <QuestionForm mode={mode} mayReadPersons={me.mayReadPersons} params={params} />
      {mode === 'stored' ? (
        <QueryStatus state={stored} what="the person's data flows">
          {(data) =>
            data.person ? (
              <>
                <p>
                  <strong>{data.person.externalId}</strong> lives in {data.person.countryOfResidence.name}; subject categories{' '}
                  {data.person.subjectCategories.map((category) => category.key).join(', ')}.
                </p>
                <FlowAnswer map={data.person.dataFlows} consents={data.person.consents} />
                <CopyQuery query={documentText(PersonFlowsQuery)} variables={storedVariables} />
              </>
            ) : (
              <p role="alert" className="problem">
                No stored person has the external id {externalId}.
              </p>
            )
          }
        </QueryStatus>
      ) : (
        <QueryStatus state={profile} what="the profile's data flows">
          {(data) => (
            <>
              <FlowAnswer map={data.profileDataFlows} consents={null} />
              <CopyQuery query={documentText(ProfileFlowsQuery)} variables={profileVariables} />
            </>
          )}
        </QueryStatus>
      )}
    </>
  );
}

function QuestionForm(props: { mode: 'stored' | 'profile'; mayReadPersons: boolean; params: URLSearchParams }) {
  const { params } = props;
  const [mode, setMode] = useState(props.mode);
  const [externalId, setExternalId] = useState(params.get('externalId') ?? '');
  const [asOf, setAsOf] = useState(params.get('asOf') ?? today());
  const [country, setCountry] = useState(params.get('country') ?? '');
  const [categories, setCategories] = useState(params.get('categories') ?? '');
  const [age, setAge] = useState(params.get('age') ?? '');
  const [consents, setConsents] = useState(params.get('consents') ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'stored') navigate(PATH, { mode, externalId: externalId.trim(), asOf });
    else navigate(PATH, { mode, country: country.trim().toUpperCase(), categories, age, consents, asOf });
  };
  // The as-of control answers at once: the same question on another day.
  const changeAsOf = (value: string) => {
    setAsOf(value);
    if (value) navigate(PATH, { ...Object.fromEntries(params), asOf: value });
  };

  return (
    <form className="question" onSubmit={submit} aria-label="The question">
      {props.mayReadPersons && (
        <fieldset className="mode">
          <legend>Whose data</legend>
          <label>
            <input type="radio" name="mode" value="stored" checked={mode === 'stored'} onChange={() => setMode('stored')} /> a stored person
          </label>
          <label>
            <input type="radio" name="mode" value="profile" checked={mode === 'profile'} onChange={() => setMode('profile')} /> a profile
          </label>
        </fieldset>
      )}
      {mode === 'stored' ? (
        <label>
          External id
          <input name="externalId" value={externalId} onChange={(event) => setExternalId(event.target.value)} required placeholder="de-user-1" />
        </label>
      ) : (
        <>
          <label>
            Subject categories (keys, comma-separated)
            <input name="categories" value={categories} onChange={(event) => setCategories(event.target.value)} required placeholder="app-user" />
          </label>
          <label>
            Country of residence (ISO code)
            <input name="country" value={country} onChange={(event) => setCountry(event.target.value)} required maxLength={2} size={4} placeholder="DE" />
          </label>
          <label>
            Age
            <input name="age" type="number" min={0} max={130} value={age} onChange={(event) => setAge(event.target.value)} size={4} />
          </label>
          <label>
            Consents given to activities (keys, comma-separated)
            <input name="consents" value={consents} onChange={(event) => setConsents(event.target.value)} placeholder="optional-profile" />
          </label>
        </>
      )}
      <label>
        As of
        <input name="asOf" type="date" value={asOf} onChange={(event) => changeAsOf(event.target.value)} required />
      </label>
      <button type="submit">Show where the data goes</button>
    </form>
  );
}
