import { client as ff } from "./flags";

export function request(base: Options): Options {
  return {
    ...(ff.isEnabled("new_flow") ? { retries: 3, timeout: 500 } : {}),
    ...base,
    headers: merge(base.headers, (ff.isEnabled("new_flow") && { "x-flow": "new" })),
  };
}
