#!/usr/bin/env node
// The installed entry point: compiled sources live in lib/ (built by `npm ci` through `prepare`).
import { main } from "../lib/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
