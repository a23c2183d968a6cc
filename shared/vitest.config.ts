import { defineConfig } from "vitest/config";

// Property tests run thousands of cases; on a busy two-core machine one can outlast vitest's 5 s default.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], testTimeout: 20_000 },
});
