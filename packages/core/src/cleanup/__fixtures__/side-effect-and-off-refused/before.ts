import { client as ff } from "./flags";

export function submit(form: Form): void {
  if (validate(form) && ff.isEnabled("new_flow")) {
    sendNew(form);
  } else {
    sendOld(form);
  }
}
