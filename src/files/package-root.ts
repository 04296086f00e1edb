import { fileURLToPath } from "node:url";

/**
 * The installed package's root directory (where package.json is). Every compiled module sits two
 * levels below it, in lib/<folder>/, and so do the chunks of the command-line bundle in lib/bundle/:
 * paths to files the package ships are taken from here, never from the calling module's own place,
 * which differs between the two.
 */
export const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
