import { useCallback, useEffect, useState } from "preact/hooks";
import type { Problem } from "../../utils/api-result";
import { askBackground } from "../../utils/ask-background";
import type { Attention } from "../../utils/proxy-types";

/** The division's "Needs attention" list, read when the tab shows, and its retries. */
export function useAttention(division: number | null, active: boolean) {
  const [attention, setAttention] = useState<Attention | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busyInvoice, setBusyInvoice] = useState<string | null>(null);
  const [retryResult, setRetryResult] = useState<{ invoiceNumber: string; problem: Problem | null } | null>(
    null,
  );

  const load = useCallback(() => {
    if (division === null || !active) return;
    setProblem(null);
    void askBackground("getAttention", { division }).then((result) => {
      if (result.ok) setAttention(result.value);
      else setProblem(result.problem);
    });
  }, [division, active]);
  useEffect(() => {
    setAttention(null);
    setRetryResult(null);
    load();
  }, [load]);

  const retry = (invoiceNumber: string) => {
    if (division === null) return;
    setBusyInvoice(invoiceNumber);
    setRetryResult(null);
    void askBackground("retryPush", { division, invoiceNumber }).then((result) => {
      setBusyInvoice(null);
      setRetryResult({ invoiceNumber, problem: result.ok ? null : result.problem });
      if (result.ok) load();
    });
  };

  return { attention, problem, busyInvoice, retryResult, reload: load, retry };
}
