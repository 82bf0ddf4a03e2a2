/** The options of a connection's optional `filter` argument. */
export const FILTER_ARG = { nullable: true, description: 'Only the items that match; every item when absent.' } as const;

/** The options of a change's optional `expectedVersion` argument (optimistic concurrency). */
export function expectedVersionArg(kind: string) {
  return {
    nullable: true,
    description: `The version the change was based on: a ${kind} now at another version is refused with VERSION_CONFLICT; absent, no check.`,
  } as const;
}
