/** Every test reads the extension's texts as the build does: English, from its compiled catalog. */
import './lib/i18n.ts';
