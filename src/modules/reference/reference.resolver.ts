import { Arg, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { calendarDateOf } from '../../common/dates';
import { LocalDate } from '../../common/scalars';
import { listAdequacyDecisions } from '../../domain/adequacy';
import { listCountries } from '../../domain/countries';
import { listRegimes, regimesOfCountry } from '../../domain/regimes';
import { dpvTerms } from './dpv-vocabulary';
import { AdequacyDecision, AdequacyVerdict, Country, DpvTerm, Regime } from './reference.type';
import { adequacyVerdict, countryOf, decisionOf, regimeOf } from './reference.service';

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => [Country], { description: 'Every ISO 3166-1 alpha-2 country, by code.' })
  countries() {
    return listCountries();
  }

  @FieldResolver(() => [Regime], { description: 'Regimes that cover this country.' })
  regimes(@Root() country: Country) {
    return regimesOfCountry(country.code).map(regimeOf);
  }
}

@Resolver(() => Regime)
export class RegimeResolver {
  @Query(() => [Regime], { description: 'Data protection regimes known to Flowmap.' })
  regimes() {
    return listRegimes().map((regime) => regimeOf(regime.code));
  }

  @Query(() => Regime, { nullable: true, description: 'One regime by code.' })
  regime(@Arg('code', () => String, { description: 'Code of the regime, e.g. `GDPR`.' }) code: string) {
    return regimeOf(code);
  }

  @Query(() => [AdequacyDecision], { description: 'Adequacy decisions, of one regime or all, with their dates and sources.' })
  adequacyDecisions(@Arg('regime', () => String, { nullable: true, description: 'Code of the regime, e.g. `GDPR`.' }) regime: string | undefined) {
    return listAdequacyDecisions(regime).map(decisionOf);
  }

  @Query(() => AdequacyVerdict, { description: 'Whether `country` is adequate for `regime` on date `on` (default today) for such a recipient.' })
  adequacy(
    @Arg('regime', () => String, { description: 'Code of the regime, e.g. `GDPR`.' }) regime: string,
    @Arg('country', () => String, { description: 'ISO 3166-1 alpha-2 code of the country.' }) country: string,
    @Arg('on', () => LocalDate, { nullable: true, description: 'The day the question is about (default today).' }) on: string | undefined,
    @Arg('safeHarbourCertified', () => Boolean, { defaultValue: false, description: 'US recipient certified under Safe Harbour on that day.' })
    safeHarbourCertified: boolean,
    @Arg('privacyShieldCertified', () => Boolean, { defaultValue: false, description: 'US recipient certified under the Privacy Shield on that day.' })
    privacyShieldCertified: boolean,
    @Arg('dpfCertified', () => Boolean, { defaultValue: false, description: 'US recipient certified under the Data Privacy Framework.' }) dpfCertified: boolean,
    @Arg('commercialOrganisation', () => Boolean, { defaultValue: true, description: 'Canadian recipient subject to PIPEDA.' })
    commercialOrganisation: boolean,
  ) {
    const standing = (certified: boolean) => ({ certified, expiredOn: null });
    return adequacyVerdict(regime, country, on ?? calendarDateOf(new Date()), {
      certifications: {
        SAFE_HARBOUR: standing(safeHarbourCertified),
        PRIVACY_SHIELD: standing(privacyShieldCertified),
        DATA_PRIVACY_FRAMEWORK: standing(dpfCertified),
      },
      commercialOrganisation,
    });
  }

  @FieldResolver(() => [Country], { description: 'Countries the regime covers.' })
  countries(@Root() regime: Regime) {
    return regime.countryCodes.map(countryOf);
  }
}

@Resolver(() => DpvTerm)
export class DpvTermResolver {
  @Query(() => [DpvTerm], { description: "Each value of Flowmap's enumerations (legal bases, transfer mechanisms, safeguards, party kinds, sensitivity flags) with the DPV concepts it stands for; a value without one is left out." })
  dpvTerms() {
    return dpvTerms();
  }
}
