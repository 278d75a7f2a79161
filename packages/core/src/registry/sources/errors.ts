// A pull that cannot go on: bad options, a refused token, an unreachable host, a payload of the wrong
// shape. A UsageError, so the CLI prints it as one line and exits 2; the registry is left as it was.
import { UsageError } from "../../clock.js";

export class PullError extends UsageError {
  override name = "PullError";
}
