/**
 * Imported first by main.tsx, before any schema exists: Zod would probe `new Function` for faster
 * parsing, and the page's CSP refuses eval (a CSP violation on every load), so it is not tried.
 */
import { z } from 'zod';

z.config({ jitless: true });
