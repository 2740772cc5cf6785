#!/usr/bin/env node
// `npm run build` (also run by `npm ci` through `prepare`, and by bin/shiting.mjs when dist/ is older than the
// sources): bundles the TypeScript into dist/ with esbuild, so production runs plain node without tsx.
import { build } from './build-lib.mjs';

const { files, ms } = await build();
process.stdout.write(`built ${files} files into dist/ in ${ms} ms\n`);
