// base64 sha256 of VIEWER_SCRIPT, pinned in report.html's Content-Security-Policy.
// Regenerate with `node scripts/viewer-script-hash.mjs --write` after editing viewer-script.ts (a test checks it).
export const VIEWER_SCRIPT_SHA256 = 'PwezjpNf8HBpPedxq9K7BNOr3pSlzKbysxhJDqMDVzY=';
