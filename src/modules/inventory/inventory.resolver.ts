import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { authorizeInventoryDocument, mayReadPersons } from '../auth/access-policy';
import { exportInventory, importInventory } from './inventory.service';
import { ImportResult, InventoryFormat } from './inventory.type';

@Resolver()
export class InventoryResolver {
  @Mutation(() => ImportResult, {
    description: 'Imports an inventory file: an upsert by key, all or nothing. With dryRun, reports the diff and the findings it would add or resolve, and writes nothing.',
  })
  importInventory(
    @Arg('file', () => String, { description: 'The inventory file text (see docs/inventory-file.md).' }) file: string,
    @Arg('format', () => InventoryFormat, { defaultValue: InventoryFormat.YAML, description: 'Format of the file.' }) format: InventoryFormat,
    @Arg('dryRun', () => Boolean, { defaultValue: false, description: 'Report what would change, and write nothing.' }) dryRun: boolean,
    @Arg('prune', () => Boolean, { defaultValue: false, description: 'Also remove what the file no longer names.' }) prune: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return importInventory(ctx.dataSource, ctx.caller.name, file, format, {
      dryRun,
      prune,
      parseOffThread: true,
      authorizeDocument: (document) => authorizeInventoryDocument(ctx.caller, document),
      findingsWithPersons: mayReadPersons(ctx.caller),
      deadline: ctx.deadline,
      onParseWarning: (warning) => ctx.logger?.warn({ requestId: ctx.requestId, yamlWarning: warning }, 'inventory file: YAML warning'),
    });
  }

  @Query(() => String, { description: 'The whole data map as an inventory file, in normalised form.' })
  exportInventory(
    @Arg('format', () => InventoryFormat, { defaultValue: InventoryFormat.YAML, description: 'Format of the file.' }) format: InventoryFormat,
    @Arg('includePersons', () => Boolean, { defaultValue: false, description: 'Include persons and their consents.' }) includePersons: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return exportInventory(ctx.dataSource, format, includePersons);
  }
}
