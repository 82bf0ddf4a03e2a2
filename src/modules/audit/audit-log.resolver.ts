import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import { BidirectionalPageArgs } from '../../common/pagination';
import type { RequestContext } from '../../context';
import { AuditCheckpointInput, AuditEntryConnection, AuditLogFilterInput, AuditLogVerification } from './audit-entry.type';
import { listAuditEntries, verifyAuditLog } from './audit-log.service';
import { FILTER_ARG } from '../../common/argument-options';

@Resolver()
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, { description: 'The audit log, in the order the changes were made.' })
  auditLog(@Arg('filter', () => AuditLogFilterInput, FILTER_ARG) filter: AuditLogFilterInput | undefined, @Args() page: BidirectionalPageArgs, @Ctx() ctx: RequestContext) {
    return listAuditEntries(ctx.dataSource, filter ?? {}, page);
  }

  @Query(() => AuditLogVerification, {
    description:
      'Recomputes the keyed hash chain of the whole audit log and reports the first entry that does not match; with a checkpoint taken earlier, also that the log still holds its entry (entries removed from the end show only so).',
  })
  verifyAuditLog(
    @Arg('checkpoint', () => AuditCheckpointInput, { nullable: true, description: 'A checkpoint from an earlier verification, to check the log against.' })
    checkpoint: AuditCheckpointInput | undefined,
    @Ctx() ctx: RequestContext,
  ) {
    return verifyAuditLog(ctx.dataSource, checkpoint ?? undefined);
  }
}
