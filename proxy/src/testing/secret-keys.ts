/** Fixed random keys for proxies started by tests (a real key is refused if it is all zero or repeating). */
export const TEST_SECRET_KEY = "nvgEMxbbwgIh2vIVvNeUsvGAxPEvXEK/H1nu7+lmooI=";
/** A second key: a wrong key, or the new one of a rotation. */
export const OTHER_SECRET_KEY = "wdVVjASgtHqm+yN6bpsTrLXCTZDztTgW9A/tOv2q73A=";
