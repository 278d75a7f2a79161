export function Page() {
  return <Checkout fastPath={true} />;
}
