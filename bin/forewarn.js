#!/usr/bin/env node
// The installed `forewarn` command: a thin launcher over the compiled CLI.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
