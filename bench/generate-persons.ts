import { ConsentKind } from '../src/domain/consent-kind';
import type { ConsentEntry, PersonEntry } from '../src/domain/inventory-document';
import type { BusinessUnit, ConsentTarget, GeneratedInventory } from './generate-inventory';
import { DAY_MS, Random } from './prng';

const OTHER_RESIDENCES: readonly (readonly [string, number])[] = [
  ['CN', 20], ['DE', 8], ['FR', 6], ['IT', 4], ['ES', 4], ['NL', 3], ['PL', 3], ['IE', 1], ['SE', 2], ['AT', 1], ['US', 16],
  ['GB', 6], ['JP', 5], ['SG', 2], ['IN', 8], ['KR', 2], ['CA', 2], ['BR', 3], ['AU', 1], ['HK', 1], ['MX', 1],
];

/** The external id of the bench's person number `index`. */
export function benchExternalId(index: number): string {
  return `p${String(index).padStart(7, '0')}`;
}

/**
 * Persons of a generated inventory, each derived from its number alone, so any slice can be made
 * in any order (the loader makes them batch by batch) and a query can name a random one. Person
 * `i` holds 1 + (i mod 5) consents: 3 on average, exactly 3 per person over any multiple of 5.
 */
export class PersonGenerator {
  private readonly nowMs: number;
  private readonly days: string[] = [];
  private readonly streams: Random;

  constructor(
    private readonly inventory: GeneratedInventory,
    seed = inventory.seed,
    now = Date.parse('2026-06-30T00:00:00Z'),
  ) {
    this.nowMs = now;
    this.streams = new Random(seed, 'persons');
  }

  /** The instant `daysAgo` days before now plus `second` seconds, as an ISO timestamp: formatted from a table of days, as millions are made. */
  private timestamp(daysAgo: number, second: number): string {
    let day = this.days[daysAgo];
    if (day === undefined) {
      day = new Date(this.nowMs - daysAgo * DAY_MS).toISOString().slice(0, 11);
      this.days[daysAgo] = day;
    }
    const h = Math.floor(second / 3600);
    const m = Math.floor(second / 60) % 60;
    const s = second % 60;
    return `${day}${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${s < 10 ? '0' : ''}${s}Z`;
  }

  consentsOf(index: number): number {
    return 1 + (index % 5);
  }

  /** Persons number `start` to `start + count - 1`. */
  batch(start: number, count: number): PersonEntry[] {
    const entries: PersonEntry[] = new Array(count);
    for (let offset = 0; offset < count; offset += 1) entries[offset] = this.person(start + offset);
    return entries;
  }

  person(index: number): PersonEntry {
    const random = this.streams.child(index);
    const unit = random.pick(this.inventory.units);
    const subjectKeys = random.sample(unit.subjectKeys, random.weighted([[1, 7], [2, 3]]));
    const isChild = subjectKeys.some((key) => key.endsWith('.child'));
    const roll = random.next();
    const age = isChild ? random.int(6, 15) : roll < 0.9 ? random.int(18, 80) : roll < 0.93 ? random.int(14, 17) : null;
    const dateOfBirth = age === null ? null : new Date(this.nowMs - age * 365.25 * DAY_MS - random.int(0, 364) * DAY_MS).toISOString().slice(0, 10);
    return {
      externalId: benchExternalId(index),
      countryOfResidence: this.residence(random, unit),
      subjectCategories: subjectKeys,
      dateOfBirth,
      consents: this.consents(random, unit, subjectKeys, this.consentsOf(index), age !== null && age < 18),
    };
  }

  private residence(random: Random, unit: BusinessUnit): string {
    const where = random.weighted([['home', 55], ['abroad', 45]] as const);
    return where === 'home' ? unit.homeCountry : random.weighted(OTHER_RESIDENCES);
  }

  private consents(random: Random, unit: BusinessUnit, subjectKeys: string[], count: number, minor: boolean): ConsentEntry[] {
    const candidates = subjectKeys.flatMap((key) => unit.consentTargets.get(key) ?? []);
    const targets: ConsentTarget[] = candidates.length > 0 ? random.sample(candidates, count) : [];
    // Fewer targets than consents: the person consented again after withdrawing, or to another of the unit's activities.
    while (targets.length < count) {
      targets.push(candidates.length > 0 ? random.pick(candidates) : { activity: random.pick(unit.activityKeys), separate: false });
    }
    const consents: ConsentEntry[] = new Array(count);
    for (let n = 0; n < count; n += 1) {
      const target = targets[n];
      const givenDay = random.int(1, 7 * 365);
      const withdrawnDay = random.chance(0.15) ? random.int(0, givenDay - 1) : null;
      consents[n] = {
        activity: target.activity ?? null,
        flow: target.flow ?? null,
        kind: random.chance(target.separate ? 0.8 : 0.15) ? ConsentKind.SEPARATE : ConsentKind.ORDINARY,
        givenByGuardian: minor && random.chance(0.7),
        givenAt: this.timestamp(givenDay, random.int(0, 86_399)),
        withdrawnAt: withdrawnDay === null ? null : this.timestamp(withdrawnDay, random.int(0, 86_399)),
      };
    }
    return consents;
  }
}
