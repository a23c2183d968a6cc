export { EXACT_HOSTS, type ExactHost, isExactHost } from "@zapfloor-exact/shared/exact-hosts";
