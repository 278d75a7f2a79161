import { client as ff } from "./flags";

export function ship(order: Order): void {
  if (ff.isEnabled("new_flow")) {
    // Carrier API v2 batches labels.
    const label = carrier.label(order); // cached
    /* the label is printed at the warehouse */
    carrier.print(label);
  } else {
    // Old carrier API.
    legacyShip(order);
  }
}
