export async function poll(): Promise<void> {
  always();
}
