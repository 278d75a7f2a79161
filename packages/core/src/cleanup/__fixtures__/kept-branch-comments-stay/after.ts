export function ship(order: Order): void {
  // Carrier API v2 batches labels.
  const label = carrier.label(order); // cached
  /* the label is printed at the warehouse */
  carrier.print(label);
}
