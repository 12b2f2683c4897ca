import type { ApiClient } from '@mentoring/shared';

/** The body a route takes, from the contract (for inputs the domain does not name as a type). */
export type BodyOf<K extends keyof ApiClient> = Parameters<ApiClient[K]>[0] extends { body: infer B } ? B : never;

/** Replaces an entity in a cached list by id. */
export function replaceById<T extends { id: string }>(list: readonly T[] | undefined, item: T): T[] | undefined {
  return list?.map((x) => (x.id === item.id ? item : x));
}
