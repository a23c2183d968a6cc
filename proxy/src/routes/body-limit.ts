import { bodyLimit } from "hono/body-limit";
import { validationError } from "../errors";

const MAX_BODY_BYTES = 64 * 1024;

/** Refuses a body larger than any valid request of this API, before it is read in full. */
export const smallBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw validationError([{ path: "body", message: `larger than ${MAX_BODY_BYTES / 1024} KB` }]);
  },
});
