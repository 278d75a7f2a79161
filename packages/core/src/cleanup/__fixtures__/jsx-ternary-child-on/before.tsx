import { useFlag } from "@acme/flags";

export function Checkout() {
  return (
    <main>
      {useFlag("new_flow") ? (
        <NewCheckout steps={3} />
      ) : (
        <LegacyCheckout />
      )}
    </main>
  );
}
