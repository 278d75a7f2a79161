import { client as ff } from "./flags";

export async function poll(): Promise<void> {
  while (!ff.isEnabled("new_flow")) {
    await sleep(100);
  }
  if (ff.isEnabled("new_flow")) {
    if (!ff.isEnabled("new_flow")) {
      never();
    } else {
      always();
    }
  }
}
