/**
 * Imported first by main.tsx, before any schema parses: Zod would probe `new Function` for faster
 * parsing, and the page's CSP refuses eval (a CSP violation on every load), so it is not tried.
 * Zod's core alone, not `zod`: the first screen parses nothing and should not load all of Zod.
 */
import { config } from 'zod/v4/core';

config({ jitless: true });
