#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so there is no build step for the server.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Point tsx at our tsconfig (JSX runtime, paths) whatever the working directory is.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/cli/index.ts');
