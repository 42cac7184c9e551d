/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests (zod's own
 * JSON Schema output is the 2020-12 dialect OpenAPI 3.1 uses). Named schemas (.meta({ id })) become
 * components; everything else is inlined.
 */
import { z } from 'zod';
import type { AnyRoute } from './define-route.js';
import { errorBodySchema } from './errors.js';

type JsonSchema = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed JSON or invalid parameters.',
  401: 'No session, or it has ended (or, at sign-in, a wrong username or password).',
  403: "The caller's role or cases do not allow it, or the CSRF token is missing or wrong.",
  429: 'Too many failed sign-ins from this account or address; Retry-After says when to try again.',
  404: 'Not found.',
  409: 'The document (by its SHA-256) is on record with another case, type or grading.',
  413: 'The body is larger than BODY_LIMIT.',
  415: 'The body is not application/json.',
  422: 'The batch is invalid or names unknown entities: every bad record is listed; nothing was written.',
};

function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function components(io: 'input' | 'output'): Record<string, JsonSchema> {
  const all = z.toJSONSchema(z.globalRegistry, {
    uri: (id) => `#/components/schemas/${id}`,
    io,
    unrepresentable: 'any',
  });
  return Object.fromEntries(Object.entries(all.schemas).map(([k, v]) => [k, strip(v as JsonSchema)]));
}

function refOrInline(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: `#/components/schemas/${id}` };
  // Nested named schemas come back as local $defs; point them at the shared components instead.
  const json = JSON.stringify(z.toJSONSchema(schema, { io, unrepresentable: 'any' })).replaceAll(
    '"#/$defs/',
    '"#/components/schemas/',
  );
  const { $defs: _defs, ...rest } = strip(JSON.parse(json) as JsonSchema);
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const json = refOrInline(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
  }));
}

/**
 * A file's body: text formats are strings; a binary one (a PDF) has no schema, as OpenAPI 3.1 describes
 * raw bytes, only its media type.
 */
function fileMedia(type: string): Record<string, unknown> {
  const binary = !/^text\/|[+/](xml|json)\b/.test(type);
  return binary ? {} : { schema: { type: 'string', contentMediaType: type } };
}

export function buildOpenApi(routes: AnyRoute[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const responses: Record<string, unknown> = {};
    for (const [status, res] of Object.entries(r.responses)) {
      responses[status] = {
        description: res.description,
        ...(res.schema
          ? { content: { 'application/json': { schema: refOrInline(res.schema, 'output') } } }
          : {}),
        ...(res.files
          ? { content: Object.fromEntries(res.files.map((type) => [type, fileMedia(type)])) }
          : {}),
        ...(res.headers
          ? {
              headers: Object.fromEntries(
                Object.entries(res.headers).map(([name, description]) => [
                  name,
                  { description, schema: { type: 'string' } },
                ]),
              ),
            }
          : {}),
      };
    }
    // Every route but a public one can refuse a caller without a session or without the right.
    const refusals = r.access === 'public' ? [] : [401, 403];
    for (const status of [...new Set([...(r.errors ?? []), ...refusals]), 500]) {
      responses[String(status)] = {
        description: ERROR_TEXT[status] ?? 'An internal error; the log has it under the request id.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    (paths[path] ??= {})[r.method] = {
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: r.tags,
      operationId: `${r.method}${path.replace(/[{}]/g, '').replace(/\/(\w)/g, (_m, c: string) => c.toUpperCase())}`,
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...((r.body ?? r.ownBody)
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: refOrInline(r.body ?? r.ownBody, 'input') } },
            },
          }
        : {}),
      responses,
      security: r.access === 'public' ? [] : [{ session: [] }],
      ...(r.access !== 'public' ? { 'x-casegraph-access': r.access } : {}),
    };
  }
  // Components are written in their input form where requests use them and output form otherwise;
  // the two differ only in defaults being optional on input.
  const schemas = { ...components('output'), ...components('input') };
  void errorBodySchema;
  return {
    openapi: '3.1.0',
    info: {
      title: 'CaseGraph API',
      version,
      description:
        'Graph analytics for anti-human-trafficking units. Every error has the shape of the Error schema, with a stable code.',
    },
    paths,
    components: {
      schemas,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'cg_session',
          description:
            'Set by POST /api/auth/login. Every request that changes something also sends the x-csrf-token header with the token the sign-in returned.',
        },
      },
    },
  };
}
