// PGlite's CommonJS build loads its WASM parts with dynamic import(), which Jest's module system
// refuses without --experimental-vm-modules (electric-sql/pglite#224): load it with Node's own require.
jest.mock('@electric-sql/pglite', () =>
  process.getBuiltinModule('node:module').createRequire(__filename)('@electric-sql/pglite'),
);
