import { client as ff } from "./flags";

export function refresh(cache: Cache): void {
  if (cache.reload() || ff.isEnabled("new_flow")) {
    render();
  }
}
