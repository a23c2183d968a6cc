/**
 * Where the processes of one end-to-end run live. The global setup starts them and publishes their
 * addresses through the environment, which Playwright hands to every worker; specs read them here.
 */
export interface E2eStack {
  /** The real proxy process, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  proxyUrl: string;
  /** The Exact Online simulator the proxy started in sandbox mode; its control API is under `/__sim/`. */
  simUrl: string;
  /** The proxy's libSQL database, for running `pnpm cli …` against the same data. */
  databaseUrl: string;
  /** The proxy's SECRET_KEY, for `pnpm cli …` against the same database. */
  secretKey: string;
  /** The proxy's combined stdout and stderr. */
  proxyLogFile: string;
}

const ENV_KEYS = {
  proxyUrl: "ZFX_E2E_PROXY_URL",
  simUrl: "ZFX_E2E_SIM_URL",
  databaseUrl: "ZFX_E2E_DATABASE_URL",
  secretKey: "ZFX_E2E_SECRET_KEY",
  proxyLogFile: "ZFX_E2E_PROXY_LOG",
} as const satisfies Record<keyof E2eStack, string>;

export function publishStack(stack: E2eStack): void {
  for (const [key, envName] of Object.entries(ENV_KEYS)) process.env[envName] = stack[key as keyof E2eStack];
}

export function e2eStack(): E2eStack {
  const read = (envName: string) => {
    const value = process.env[envName];
    if (!value)
      throw new Error(`${envName} is not set: run the specs through playwright.config.ts's global setup.`);
    return value;
  };
  return {
    proxyUrl: read(ENV_KEYS.proxyUrl),
    simUrl: read(ENV_KEYS.simUrl),
    databaseUrl: read(ENV_KEYS.databaseUrl),
    secretKey: read(ENV_KEYS.secretKey),
    proxyLogFile: read(ENV_KEYS.proxyLogFile),
  };
}
