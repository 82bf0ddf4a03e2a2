import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { AsOf } from '../../common/scalars';
import type { RequestContext } from '../../context';
import { listExpiringEvidence } from './expiring-evidence.service';
import { ExpiringEvidence } from './expiring-evidence.type';

@Resolver()
export class ExpiringEvidenceResolver {
  @Query(() => [ExpiringEvidence], {
    description: 'Evidence that lapses within a window (DPF certifications, CAC security assessments, filings, processing agreements, transfer impact assessments...), or has lapsed and was not renewed, soonest first, with the flows in force that rely on it.',
  })
  expiringEvidence(
    @Arg('within', () => String, { description: 'How far ahead to look: an ISO 8601 duration such as `P60D`, `P8W`, `P3M` or `P1Y`.' }) within: string,
    @Arg('asOf', () => AsOf, { nullable: true, description: 'The day to count from (default now).' }) asOf: Date | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return listExpiringEvidence(ctx.dataSource, within, asOf, ctx.wholeMap.now);
  }
}
