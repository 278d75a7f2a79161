export function Checkout() {
  return (
    <main>
      <NewCheckout steps={3} />
    </main>
  );
}
