#!/usr/bin/env node
// `skylab`: the bundled command line, built here on a fresh clone or after a source changed (see scripts/bundle.mjs).
import { pathToFileURL } from 'node:url';
import { BUNDLE, buildBundle, isFresh } from '../scripts/bundle.mjs';

if (!isFresh()) await buildBundle();
await import(pathToFileURL(BUNDLE).href);
