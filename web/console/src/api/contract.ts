// The API's shapes as the console reads them, taken from schema.ts — generated from the server's
// OpenAPI document by scripts/openapi-types.ts, so a field the server does not declare fails the
// console's type check instead of reading undefined at run time.
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;

/** The JSON a route answers with (status 200 unless given). */
export type Answer<P extends keyof paths, M extends Method = 'get', S extends number = 200> =
  Operation<P, M> extends {
    responses: { [K in S]: { content: { 'application/json': infer T } } };
  }
    ? T
    : never;

/** The JSON body a route takes. */
export type Body<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer T } } }
    ? T
    : never;

/** The path parameters a route takes (their names and, for enums, their values). */
export type PathParams<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { parameters: { path: infer T } } ? T : never;
