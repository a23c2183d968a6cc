import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { Problem } from "../../utils/api-result";
import { askBackground } from "../../utils/ask-background";
import type { SyncState } from "../../utils/proxy-types";

/** How often a running load's progress is asked for. */
const POLL_MS = 1000;
/** A load asked for is queued in the proxy; after this many looks without it starting, it is given up on. */
const MAX_WAITS = 30;

/** The state before the asked-for load started: its last start is still the one from before. */
const notStartedYet = (state: SyncState, before: string | null | undefined) =>
  before !== undefined && state.status !== "running" && state.lastStartedAt === before;

export interface DivisionLoad {
  /** Null until a load was started here. */
  state: SyncState | null;
  problem: Problem | null;
  start(): void;
}

/**
 * Starts loading a division's accounts and follows its progress until it ends; `onDone` runs once it has
 * (to read the divisions again).
 */
export function useDivisionLoad(division: number, onDone: () => void): DivisionLoad {
  const [state, setState] = useState<SyncState | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const follow = useCallback(
    (current: SyncState, before: string | null | undefined, waits = 0) => {
      const queued = notStartedYet(current, before) && waits < MAX_WAITS;
      setState(queued ? { ...current, status: "running" } : current);
      if (current.status !== "running" && !queued) {
        onDone();
        return;
      }
      timer.current = setTimeout(() => {
        void askBackground("getSyncState", { division }).then((next) => {
          if (next.ok) follow(next.value, before, waits + 1);
          else setProblem(next.problem);
        });
      }, POLL_MS);
    },
    [division, onDone],
  );

  const start = useCallback(() => {
    setProblem(null);
    setState({ status: "running", runningKind: "full", progressRows: 0 } as SyncState);
    void askBackground("loadDivision", { division }).then((result) => {
      if (!result.ok) {
        setState(null);
        setProblem(result.problem);
        return;
      }
      // The proxy answers before its job has claimed the division: until the division shows a newer start,
      // what it says (never loaded, or the last load failed) is about the time before.
      const answered = result.value;
      follow(answered, answered.status === "running" ? undefined : answered.lastStartedAt);
    });
  }, [division, follow]);

  return { state, problem, start };
}
