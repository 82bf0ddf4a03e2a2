import { RequestDeadline } from '../../common/request-deadline';

/** What a whole-map judgement depends on: objects by identity (an engine view, person facts), values by value. */
export type JudgementKey = readonly (object | string | number | boolean | null | undefined)[];

/**
 * The whole-map judgements of one request (findings, transfers, exports...), each computed once
 * however many fields of the request ask for it: aliases, fragments and the operations of a batch
 * share them. Made anew for every request, like the DataLoaders, so nothing outlives it; what
 * lasts longer (the engine view per inventory revision, the person facts per person revision) is
 * cached elsewhere and is part of the key here. A failed computation (TIMEOUT) is not kept.
 */
export class WholeMapMemo {
  private readonly results = new Map<string, unknown>();
  private readonly identities = new WeakMap<object, number>();
  private nextIdentity = 1;

  /**
   * @param now what "now" is for every question of the request that names no time, so that
   *   aliases asking about now ask about the same instant
   * @param deadline when the request is abandoned; whole-map walks stop there
   */
  constructor(
    readonly now: Date = new Date(),
    readonly deadline: RequestDeadline = RequestDeadline.NONE,
  ) {}

  /** The judgement `kind` for `dependsOn`, computed by `compute` the first time it is asked. */
  remember<T>(kind: string, dependsOn: JudgementKey, compute: () => T): T {
    const key = JSON.stringify([kind, ...dependsOn.map((part) => (typeof part === 'object' && part !== null ? { id: this.identityOf(part) } : part))]);
    if (this.results.has(key)) return this.results.get(key) as T;
    const value = compute();
    this.results.set(key, value);
    if (value instanceof Promise) {
      value.catch(() => {
        if (this.results.get(key) === value) this.results.delete(key);
      });
    }
    return value;
  }

  private identityOf(part: object): number {
    let identity = this.identities.get(part);
    if (identity === undefined) {
      identity = this.nextIdentity++;
      this.identities.set(part, identity);
    }
    return identity;
  }
}
