import { client as ff } from "./flags";

export function configure(app: App): void {
  switch (ff.getVariant("new_flow")) {
    case "green":
      app.use(green);
      break;
    default:
      app.use(fallback);
      app.log("fallback");
      break;
  }
  app.start();
}
