export function submit(form: Form): void {
  if (validate(form)) {
    sendNew(form);
  } else {
    sendOld(form);
  }
}
