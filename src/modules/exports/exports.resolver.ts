import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { AsOf } from '../../common/scalars';
import type { RequestContext } from '../../context';
import { mayReadPersons } from '../auth/access-policy';
import { DataFlowMap } from '../flow-query/flow-query.type';
import { RecordFormat } from './exports.type';
import { recordOfProcessing, transferRegister } from './exports.service';
import { flowMapMermaid } from './flow-diagram';

const AS_OF = { nullable: true, description: 'The time asked about (default now).' } as const;

@Resolver()
export class ExportsResolver {
  @Query(() => String, { description: 'The GDPR Art. 30(1) record of processing: the activities in force, with controller, purposes, categories, recipients, transfers, retention and security measures.' })
  recordOfProcessing(
    @Arg('format', () => RecordFormat, { defaultValue: RecordFormat.CSV, description: 'CSV, Markdown, HTML, or an XLSX workbook as base64.' }) format: RecordFormat,
    @Arg('asOf', () => AsOf, AS_OF) asOf: Date | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return recordOfProcessing(ctx.dataSource, format, asOf, mayReadPersons(ctx.caller), ctx.wholeMap);
  }

  @Query(() => String, { description: 'The cross-border transfer register as CSV: one row per transfer, with its mechanism, safeguards, regimes and whether it is lawful.' })
  transferRegister(@Arg('asOf', () => AsOf, AS_OF) asOf: Date | undefined, @Ctx() ctx: RequestContext) {
    return transferRegister(ctx.dataSource, asOf, mayReadPersons(ctx.caller), ctx.wholeMap);
  }
}

@Resolver(() => DataFlowMap)
export class DataFlowDiagramResolver {
  @FieldResolver(() => String, { description: 'This map as a Mermaid `flowchart LR`: parties grouped by country, edges labelled with categories, unlawful hops in red.' })
  mermaid(@Root() map: DataFlowMap) {
    return flowMapMermaid(map);
  }
}
