import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { join } from 'node:path';

/** The committed copy of the schema the server prints; `npm run schema` rewrites it. */
export const SCHEMA_FILE = join(__dirname, '..', '..', 'src', 'schema.graphql');

export function printedSchema(app: INestApplication): string {
  const { schema } = app.get(GraphQLSchemaHost);
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
