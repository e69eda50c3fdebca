/** Debian's chromium, as every browser test and benchmark here drives it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Flags for chromium as root in a container (see PAYLOAD-NOTES): without the networking flags it
 * keeps trying to reach Google's hosts, which this network refuses. Give each run a fresh
 * `--user-data-dir` (playwright's launchPersistentContext passes its profile folder as one).
 */
export function chromiumArgs(): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ]
}
