import { client as ff } from "./flags";

export function setup(isPreview: boolean): void {
  if (isPreview || ff.isEnabled("new_flow")) {
    enableNewEditor();
  }
}
