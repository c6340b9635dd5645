/**
 * The script-tag entry: reads the tag's configuration, then defines the elements (once, even if
 * the script is included twice). Elements already in the page upgrade when defined.
 */
import { configFromScript, setEmbedConfig } from './config.js';

const script = document.currentScript;
if (script instanceof HTMLScriptElement && script.src) setEmbedConfig(configFromScript(script));

// Imported after the configuration is set, so elements already in the page see it on upgrade.
void import('./parley-share.js');
void import('./parley-count.js');
void import('./parley-comments.js');
