import type { ErrorBody } from "../errors";

/** Test helpers for reading responses with the shape a test expects. */
export const jsonOf = async <T = Record<string, unknown>>(response: Response): Promise<T> =>
  (await response.json()) as T;

export const errorOf = async (response: Response): Promise<ErrorBody["error"]> =>
  (await jsonOf<ErrorBody>(response)).error;

export const problemPathsOf = async (response: Response): Promise<string[]> => {
  const details = (await errorOf(response)).details as { problems: { path: string }[] };
  return details.problems.map((problem) => problem.path);
};
