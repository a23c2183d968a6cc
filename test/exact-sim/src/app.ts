import { Hono } from "hono";
import { runCall } from "./api/call-pipeline";
import { handleRestCall } from "./api/rest-api";
import { controlRoutes } from "./control/control-routes";
import type { SimulatorControl } from "./control/simulator-control";
import { DroppedConnectionError } from "./http/dropped-connection";
import { errorResponse } from "./http/responses";
import { oauthRoutes } from "./oauth/oauth-routes";
import type { SimRuntime } from "./runtime";

/** The simulator's HTTP surface: Exact's `/api/oauth2/*` and `/api/v1/*`, plus the control API at `/__sim/*`. */
export function createSimulatorApp(runtime: SimRuntime, control: SimulatorControl): Hono {
  const app = new Hono();
  app.onError((error) => {
    // Rethrown so that an in-process `app.request()` rejects like `fetch` on a dropped connection.
    if (error instanceof DroppedConnectionError) throw error;
    console.error("exact-sim: unhandled error", error);
    return errorResponse(500, "Simulator error");
  });
  app.route("/__sim", controlRoutes(control));
  app.route("/api/oauth2", oauthRoutes(runtime));
  app.all("/api/v1/*", (c) => runCall(runtime, c, (trace) => handleRestCall(runtime, c, trace)));
  app.get("/", (c) =>
    c.json({
      service: "Exact Online simulator",
      oauth: { authorize: "/api/oauth2/auth", token: "/api/oauth2/token" },
      rest: "/api/v1/{division}/…",
      control: "/__sim/…",
    }),
  );
  return app;
}
