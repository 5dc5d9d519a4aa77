import { defineConfig } from 'drizzle-kit';

/** `npx drizzle-kit generate` writes a new SQL migration after a change to the read-model schema. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/oversight/read-model/schema.ts',
  out: './src/oversight/read-model/migrations',
});
